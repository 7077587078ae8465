/**
 * cdk-nag (AwsSolutions) findings Chengxin accepts, each with its reason, acknowledged on the
 * construct where it arises (a grant, a managed service's own role). Anything else fails the nag
 * test (test/infra/nag.test.ts). Finding ids name the exact action or resource, so a new wildcard
 * is never waved through by an old reason.
 */
import { type CfnResource, Stack, Token, Validations } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'

/** `AwsSolutions-IAM5[Resource::…]` and the like. */
export const finding = (rule: string, detail?: string) => `AwsSolutions-${rule}${detail ? `[${detail}]` : ''}`

/** How a resource's ARN appears in a finding: `<LogicalId.Arn>`. */
export function arnOf(resource: IConstruct): string {
  return `<${Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnResource)}.Arn>`
}

/** Account and region as a finding spells them (a token when the stack has none fixed). */
export function where(scope: IConstruct): { account: string; region: string } {
  const stack = Stack.of(scope)
  return {
    account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
    region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
  }
}

export function acknowledge(scope: IConstruct, ids: readonly string[], reason: string): void {
  Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason })))
}

export const LAMBDA_LOGS_POLICY = finding(
  'IAM4',
  'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
)
export const LAMBDA_LOGS_REASON =
  'AWSLambdaBasicExecutionRole only lets the function write its own logs; an inline copy would grant the same'

export const S3_READ = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((a) =>
  finding('IAM5', `Action::${a}`),
)
export const S3_WRITE = ['s3:DeleteObject*', 's3:Abort*'].map((a) => finding('IAM5', `Action::${a}`))
