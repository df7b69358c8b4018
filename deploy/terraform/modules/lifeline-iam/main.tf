# Least-privilege IAM policies for the AWS adapters of Lifeline's services, each action one the
# service's AWS SDK v2 calls make (failover.tf, recovery.tf; TerraformFilesTest checks them against
# an allow-list naming the adapter class of each), scoped to the ARNs given as variables wherever
# the action supports resource-level permissions. Optional IAM roles for EKS (IRSA) in roles.tf.
#
# alert-ingest needs no AWS permissions: SNS delivers CloudWatch alarms to it over HTTPS, it
# verifies the signature with SNS's public certificate and confirms subscriptions with a GET of
# SubscribeURL, none of which is signed with AWS credentials. escalation-service and
# statuspage-service make no AWS calls.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id

  # The issuer part of an EKS OIDC provider ARN (arn:aws:iam::ACCOUNT:oidc-provider/ISSUER), the
  # prefix of the condition keys ISSUER:sub and ISSUER:aud.
  oidc_issuer = var.eks_oidc_provider_arn == null ? null : element(split(":oidc-provider/", var.eks_oidc_provider_arn), 1)
}
