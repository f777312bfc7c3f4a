export { createCluster, clusterOptionsFromEnv, type ClusterOptions, type EmbeddedCluster } from './cluster.ts'
