/**
 * The two small stacks that must live in another region than Chengxin's:
 * - the WAF web ACL for CloudFront (CloudFront takes ACLs only from us-east-1): a rate limit per
 *   client address, and AWS managed rule groups (common threats, known bad inputs, IP reputation);
 * - the disaster-recovery backup vault in the backup region, that daily backups are copied to.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import { BackupVault } from 'aws-cdk-lib/aws-backup'
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import type { Construct } from 'constructs'

/** Requests a client address may make in any 5 minutes before WAF blocks it. */
export const WAF_RATE_LIMIT = 3000
/** POSTs (objections, admin requests) a client address may make in any 5 minutes. */
export const WAF_POST_LIMIT = 100

const managed = (name: string, priority: number): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: name },
})

export class WafStack extends Stack {
  readonly webAcl: CfnWebACL
  /** The ACL's name, which its CloudWatch metrics carry. */
  readonly aclName: string
  readonly blocksAlarm: Alarm

  constructor(scope: Construct, id: string, props: StackProps & { alarmEmail?: string }) {
    super(scope, id, props)
    this.aclName = `${this.stackName}-acl`
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: this.aclName,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        sampledRequestsEnabled: true,
        cloudWatchMetricsEnabled: true,
        metricName: 'chengxin',
      },
      rules: [
        {
          name: 'RatePerAddress',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: WAF_RATE_LIMIT, aggregateKeyType: 'IP' } },
          visibilityConfig: {
            sampledRequestsEnabled: true,
            cloudWatchMetricsEnabled: true,
            metricName: 'RatePerAddress',
          },
        },
        {
          // Objections and admin requests are POSTs: a much lower limit keeps the forms from spam.
          name: 'PostsPerAddress',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: WAF_POST_LIMIT,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { method: {} },
                  positionalConstraint: 'EXACTLY',
                  searchString: 'POST',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: {
            sampledRequestsEnabled: true,
            cloudWatchMetricsEnabled: true,
            metricName: 'PostsPerAddress',
          },
        },
        managed('AWSManagedRulesCommonRuleSet', 2),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
        managed('AWSManagedRulesAmazonIpReputationList', 4),
      ],
    })
    // Alarms act only within their region: this one has its own topic here.
    const topic = new Topic(this, 'Alarms', { displayName: 'Chengxin WAF alarms', enforceSSL: true })
    if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail))
    const blocked = new Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: this.aclName, Rule: 'ALL' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    })
    this.blocksAlarm = new Alarm(this, 'WafBlocks', {
      metric: blocked,
      threshold: 1000,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'WAF blocked 1,000 or more requests in 5 minutes: an attack? (docs/deploy.md, incident response)',
    })
    this.blocksAlarm.addAlarmAction(new SnsAction(topic))
  }
}

export class RecoveryStack extends Stack {
  readonly vault: BackupVault

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props)
    this.vault = new BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN })
  }
}
