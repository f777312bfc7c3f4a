/** IAM adapter: public surface. */
export { createIamClient, tokenUid, type IamClient, type IamCredentials } from './client.ts'
