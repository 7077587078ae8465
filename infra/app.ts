/** The CDK app. Deploying for real (API, functions, CDN, alarms) comes with the infrastructure issue. */
import { App } from 'aws-cdk-lib'
import { ChengxinStack } from './stacks/chengxin-stack.js'

const app = new App()
new ChengxinStack(app, 'Chengxin', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
})
