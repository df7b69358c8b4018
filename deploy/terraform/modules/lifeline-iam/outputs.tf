output "failover_policy_arn" {
  description = "ARN of the failover-service policy (null when not created)."
  value       = one(aws_iam_policy.failover[*].arn)
}

output "failover_policy_json" {
  description = "The failover-service policy document."
  value       = data.aws_iam_policy_document.failover.json
}

output "recovery_policy_arn" {
  description = "ARN of the recovery-service policy (null when not created)."
  value       = one(aws_iam_policy.recovery[*].arn)
}

output "recovery_policy_json" {
  description = "The recovery-service policy document."
  value       = data.aws_iam_policy_document.recovery.json
}

output "alert_ingest_policy_arn" {
  description = "Always null: alert-ingest needs no AWS permissions (SNS delivers over HTTPS; signatures and confirmations need no credentials)."
  value       = null
}

output "role_arns" {
  description = "IRSA role ARN by service (empty without eks_oidc_provider_arn)."
  value       = { for service, role in aws_iam_role.irsa : service => role.arn }
}

output "helm_values" {
  description = "Helm values that run each service under its IRSA role (create the failover service account with this annotation; the chart creates recovery's when recoveryService.kubernetes.enabled)."
  value = {
    for service, role in aws_iam_role.irsa : service => {
      serviceAccountName = local.irsa_roles[service]
      annotations        = { "eks.amazonaws.com/role-arn" = role.arn }
    }
  }
}
