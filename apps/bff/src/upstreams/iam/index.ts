/** IAM adapter: public surface. */
export { createIamClient, type IamClient } from './client.ts'
