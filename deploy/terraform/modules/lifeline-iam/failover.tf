# failover-service (failover-service/src/main/java/io/codelibra/lifeline/failover): traffic moves
# with Route 53 record changes or Route 53 ARC routing controls, data with an RDS replica promotion
# or an Aurora global database failover/switchover after DynamoDB global table checks, and drills
# inject faults with AWS FIS experiments. Each statement exists only when its ARNs are given.

locals {
  failover_hosted_zone_arns = [for id in var.failover_hosted_zone_ids : "arn:${local.partition}:route53:::hostedzone/${id}"]

  failover_fis_template_arns = [
    for region, id in var.failover_fis_experiment_template_ids :
    "arn:${local.partition}:fis:${region}:${local.account_id}:experiment-template/${id}"
  ]
  failover_fis_experiment_arns = [
    for region in keys(var.failover_fis_experiment_template_ids) :
    "arn:${local.partition}:fis:${region}:${local.account_id}:experiment/*"
  ]
}

data "aws_iam_policy_document" "failover" {
  # Route53FailoverRouter: ListResourceRecordSets (read and verify the record pair),
  # ChangeResourceRecordSets (UPSERT the PRIMARY record's alias target).
  dynamic "statement" {
    for_each = length(var.failover_hosted_zone_ids) > 0 ? [1] : []

    content {
      sid       = "Route53FailoverRecordPair"
      actions   = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"]
      resources = local.failover_hosted_zone_arns
    }
  }

  # Route53FailoverRouter: the ResourceRecordSetsChanged waiter polls GetChange until INSYNC. A
  # change ID is only known once the change is made, hence change/*.
  dynamic "statement" {
    for_each = length(var.failover_hosted_zone_ids) > 0 ? [1] : []

    content {
      sid       = "Route53WaitForChange"
      actions   = ["route53:GetChange"]
      resources = ["arn:${local.partition}:route53:::change/*"]
    }
  }

  # ArcRoutingControlRouter: UpdateRoutingControlStates (both controls in one call, so the
  # at-least-one-On safety rule holds), GetRoutingControlState (read and verify), on any of the
  # cluster's regional data-plane endpoints.
  dynamic "statement" {
    for_each = length(var.failover_routing_control_arns) > 0 ? [1] : []

    content {
      sid       = "ArcRoutingControls"
      actions   = ["route53-recovery-cluster:GetRoutingControlState", "route53-recovery-cluster:UpdateRoutingControlStates"]
      resources = var.failover_routing_control_arns
    }
  }

  # RdsReplicaPromotion: DescribeDBInstances (readiness, and the DBInstanceAvailable waiter),
  # PromoteReadReplica.
  dynamic "statement" {
    for_each = length(var.failover_rds_replica_arns) > 0 ? [1] : []

    content {
      sid       = "RdsPromoteReplica"
      actions   = ["rds:DescribeDBInstances", "rds:PromoteReadReplica"]
      resources = var.failover_rds_replica_arns
    }
  }

  # AuroraGlobalClusterFailover: FailoverGlobalCluster (unplanned) or SwitchoverGlobalCluster
  # (planned) to the secondary cluster (both actions are authorized on the global cluster and on the
  # target cluster), DescribeGlobalClusters (readiness and waiting for the new writer).
  dynamic "statement" {
    for_each = length(var.failover_aurora_global_cluster_arns) > 0 ? [1] : []

    content {
      sid       = "AuroraGlobalClusterFailover"
      actions   = ["rds:FailoverGlobalCluster", "rds:SwitchoverGlobalCluster"]
      resources = concat(var.failover_aurora_global_cluster_arns, var.failover_aurora_cluster_arns)
    }
  }

  dynamic "statement" {
    for_each = length(var.failover_aurora_global_cluster_arns) > 0 ? [1] : []

    content {
      sid       = "AuroraDescribeGlobalClusters"
      actions   = ["rds:DescribeGlobalClusters"]
      resources = var.failover_aurora_global_cluster_arns
    }
  }

  # DynamoDbGlobalTableCheck: DescribeTable (the replica in the target region is ACTIVE).
  dynamic "statement" {
    for_each = length(var.failover_dynamodb_table_arns) > 0 ? [1] : []

    content {
      sid       = "DynamoDbGlobalTableReadiness"
      actions   = ["dynamodb:DescribeTable"]
      resources = var.failover_dynamodb_table_arns
    }
  }

  # FisExperimentFaultInjection: StartExperiment from the region's template (authorized on the
  # template and on the new experiment), GetExperiment (wait for RUNNING / ended), StopExperiment.
  dynamic "statement" {
    for_each = length(var.failover_fis_experiment_template_ids) > 0 ? [1] : []

    content {
      sid       = "FisRunExperiments"
      actions   = ["fis:GetExperiment", "fis:StartExperiment", "fis:StopExperiment"]
      resources = concat(local.failover_fis_template_arns, local.failover_fis_experiment_arns)
    }
  }

  # FisExperimentFaultInjection: StartExperiment tags each experiment with lifeline:reason and
  # lifeline:region; tagging on create is authorized as fis:TagResource, limited to those keys.
  dynamic "statement" {
    for_each = length(var.failover_fis_experiment_template_ids) > 0 ? [1] : []

    content {
      sid       = "FisTagExperimentsOnStart"
      actions   = ["fis:TagResource"]
      resources = local.failover_fis_experiment_arns

      condition {
        test     = "ForAllValues:StringEquals"
        variable = "aws:TagKeys"
        values   = ["lifeline:reason", "lifeline:region"]
      }
    }
  }

  # FisExperimentFaultInjection: ListExperiments (the template's unfinished experiments) has no
  # resource-level permissions in IAM, so it can only be granted on "*".
  dynamic "statement" {
    for_each = length(var.failover_fis_experiment_template_ids) > 0 ? [1] : []

    content {
      sid       = "FisListExperiments"
      actions   = ["fis:ListExperiments"]
      resources = ["*"]
    }
  }
}

resource "aws_iam_policy" "failover" {
  count = var.create_failover_policy ? 1 : 0

  name        = "${var.name_prefix}-failover-service"
  path        = var.path
  description = "Lifeline failover-service: Route 53 / ARC traffic moves, RDS or Aurora promotion, DynamoDB checks, FIS drills."
  policy      = data.aws_iam_policy_document.failover.json

  tags = var.tags

  lifecycle {
    precondition {
      condition     = strcontains(data.aws_iam_policy_document.failover.json, "Statement")
      error_message = "The failover-service policy has no statement: give at least one of the failover_* ARNs or IDs, or set create_failover_policy = false."
    }
  }
}
