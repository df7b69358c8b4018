# Optional IAM roles for EKS IAM Roles for Service Accounts (IRSA): each trusts the cluster's OIDC
# provider for one Kubernetes service account and carries its service's policy. The Helm chart
# (deploy/helm/lifeline) runs failover-service as failoverService.serviceAccountName and
# recovery-service as recoveryService.serviceAccountName, or as <release>-recovery-service when
# recoveryService.kubernetes.enabled (annotate it through kubernetes.serviceAccountAnnotations).

locals {
  irsa_roles = var.eks_oidc_provider_arn == null ? {} : {
    for service, account in {
      failover-service = { policy = var.create_failover_policy, service_account = var.failover_service_account_name }
      recovery-service = { policy = var.create_recovery_policy, service_account = var.recovery_service_account_name }
    } : service => account.service_account if account.policy
  }
  irsa_policy_arns = {
    failover-service = one(aws_iam_policy.failover[*].arn)
    recovery-service = one(aws_iam_policy.recovery[*].arn)
  }
}

data "aws_iam_policy_document" "irsa_trust" {
  for_each = local.irsa_roles

  statement {
    sid     = "EksServiceAccount"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.kubernetes_namespace}:${each.value}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "irsa" {
  for_each = local.irsa_roles

  name                 = "${var.name_prefix}-${each.key}"
  path                 = var.path
  description          = "Lifeline ${each.key} on EKS (service account ${var.kubernetes_namespace}/${each.value})."
  assume_role_policy   = data.aws_iam_policy_document.irsa_trust[each.key].json
  max_session_duration = 3600

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "irsa" {
  for_each = local.irsa_roles

  role       = aws_iam_role.irsa[each.key].name
  policy_arn = local.irsa_policy_arns[each.key]
}
