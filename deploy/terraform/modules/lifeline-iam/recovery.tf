# recovery-service's runbook actions in AWS mode (recovery-service/src/main/java/io/codelibra/
# lifeline/recovery/aws): RDS snapshots, copies, restores, reboots, promotions and deletions,
# ElastiCache test failovers and S3 checks. RDS names are patterns, expanded to an ARN in every
# region of recovery_regions. Each statement exists only when its names or ARNs are given.

locals {
  recovery_rds_prefixes = [for region in var.recovery_regions : "arn:${local.partition}:rds:${region}:${local.account_id}"]

  # Instances the runbooks snapshot, fail over (reboot), promote and read.
  recovery_db_arns = [for pair in setproduct(local.recovery_rds_prefixes, var.recovery_db_instance_names) : "${pair[0]}:db:${pair[1]}"]
  # Instances the runbooks create from a snapshot and delete again (a restore's rollback).
  recovery_restored_db_arns  = [for pair in setproduct(local.recovery_rds_prefixes, var.recovery_restored_db_instance_names) : "${pair[0]}:db:${pair[1]}"]
  recovery_snapshot_arns     = [for pair in setproduct(local.recovery_rds_prefixes, var.recovery_db_snapshot_names) : "${pair[0]}:snapshot:${pair[1]}"]
  recovery_subnet_group_arns = [for pair in setproduct(local.recovery_rds_prefixes, var.recovery_db_subnet_group_names) : "${pair[0]}:subgrp:${pair[1]}"]
  # A restore uses the engine's default parameter group (no DBParameterGroupName is passed) and the
  # snapshot's option group; IAM authorizes RestoreDBInstanceFromDBSnapshot on both.
  recovery_restore_group_arns = concat(
    [for prefix in local.recovery_rds_prefixes : "${prefix}:pg:default.*"],
    [for pair in setproduct(local.recovery_rds_prefixes, var.recovery_db_option_group_names) : "${pair[0]}:og:${pair[1]}"],
  )

  recovery_restore_arns = concat(
    local.recovery_restored_db_arns,
    local.recovery_snapshot_arns,
    local.recovery_subnet_group_arns,
    local.recovery_restore_group_arns,
  )

  recovery_rds_enabled = length(var.recovery_regions) > 0 && length(concat(var.recovery_db_instance_names, var.recovery_restored_db_instance_names)) > 0
  recovery_kms_regions = [for region in var.recovery_regions : "rds.${region}.amazonaws.com"]
}

data "aws_iam_policy_document" "recovery" {
  # RdsInstances (find, the DBInstanceAvailable waiter), DeleteDbInstanceAction (the
  # DBInstanceDeleted waiter): DescribeDBInstances. RdsSnapshots (find, the DBSnapshotAvailable
  # waiter) and LatestDbSnapshotAction (snapshots of an instance): DescribeDBSnapshots.
  dynamic "statement" {
    for_each = local.recovery_rds_enabled ? [1] : []

    content {
      sid       = "RdsRead"
      actions   = ["rds:DescribeDBInstances", "rds:DescribeDBSnapshots"]
      resources = concat(local.recovery_db_arns, local.recovery_restored_db_arns, local.recovery_snapshot_arns)
    }
  }

  # CreateDbSnapshotAction: CreateDBSnapshot (authorized on the instance and the new snapshot);
  # DeleteDbInstanceAction's final snapshot (lifeline-final-...) is authorized the same way.
  dynamic "statement" {
    for_each = local.recovery_rds_enabled && length(var.recovery_db_snapshot_names) > 0 ? [1] : []

    content {
      sid       = "RdsCreateSnapshots"
      actions   = ["rds:CreateDBSnapshot"]
      resources = concat(local.recovery_db_arns, local.recovery_restored_db_arns, local.recovery_snapshot_arns)
    }
  }

  # CopyDbSnapshotAction: CopyDBSnapshot into the target region (authorized there on the source
  # and target snapshots, and in the source region through the presigned URL).
  dynamic "statement" {
    for_each = length(var.recovery_regions) > 0 && length(var.recovery_db_snapshot_names) > 0 ? [1] : []

    content {
      sid       = "RdsCopySnapshots"
      actions   = ["rds:CopyDBSnapshot"]
      resources = local.recovery_snapshot_arns
    }
  }

  # RebootDbInstanceAction (RebootDBInstance with ForceFailover), PromoteReadReplicaAction.
  dynamic "statement" {
    for_each = length(var.recovery_regions) > 0 && length(var.recovery_db_instance_names) > 0 ? [1] : []

    content {
      sid       = "RdsOperateInstances"
      actions   = ["rds:PromoteReadReplica", "rds:RebootDBInstance"]
      resources = local.recovery_db_arns
    }
  }

  # RestoreDbInstanceFromSnapshotAction: RestoreDBInstanceFromDBSnapshot (authorized on the new
  # instance, the snapshot, the subnet group and the parameter and option groups).
  dynamic "statement" {
    for_each = length(var.recovery_regions) > 0 && length(var.recovery_restored_db_instance_names) > 0 && length(var.recovery_db_snapshot_names) > 0 ? [1] : []

    content {
      sid       = "RdsRestoreFromSnapshot"
      actions   = ["rds:RestoreDBInstanceFromDBSnapshot"]
      resources = local.recovery_restore_arns
    }
  }

  # DeleteDbInstanceAction: DeleteDBInstance, only of the instances the runbooks restore.
  dynamic "statement" {
    for_each = length(var.recovery_regions) > 0 && length(var.recovery_restored_db_instance_names) > 0 ? [1] : []

    content {
      sid       = "RdsDeleteRestoredInstances"
      actions   = ["rds:DeleteDBInstance"]
      resources = local.recovery_restored_db_arns
    }
  }

  # CopyDbSnapshotAction with kms-key-id (an encrypted snapshot copied across regions):
  # RDS uses the DR region's key on the caller's behalf, only through RDS.
  dynamic "statement" {
    for_each = length(var.recovery_kms_key_arns) > 0 ? [1] : []

    content {
      sid       = "KmsForEncryptedSnapshotCopies"
      actions   = ["kms:CreateGrant", "kms:DescribeKey"]
      resources = var.recovery_kms_key_arns

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = local.recovery_kms_regions
      }
    }
  }

  # ElastiCacheReplicationGroups (describe, the ReplicationGroupAvailable waiter) and
  # TestElastiCacheFailoverAction (TestFailover of a node group).
  dynamic "statement" {
    for_each = length(var.recovery_elasticache_replication_group_arns) > 0 ? [1] : []

    content {
      sid       = "ElastiCacheTestFailover"
      actions   = ["elasticache:DescribeReplicationGroups", "elasticache:TestFailover"]
      resources = var.recovery_elasticache_replication_group_arns
    }
  }

  # CheckBucketVersioningAction (GetBucketVersioning) and CheckBucketReplicationAction (the
  # GetBucketReplication call, authorized as s3:GetReplicationConfiguration).
  dynamic "statement" {
    for_each = length(var.recovery_s3_bucket_arns) > 0 ? [1] : []

    content {
      sid       = "S3BucketChecks"
      actions   = ["s3:GetBucketVersioning", "s3:GetReplicationConfiguration"]
      resources = var.recovery_s3_bucket_arns
    }
  }
}

resource "aws_iam_policy" "recovery" {
  count = var.create_recovery_policy ? 1 : 0

  name        = "${var.name_prefix}-recovery-service"
  path        = var.path
  description = "Lifeline recovery-service: RDS snapshot/restore/failover runbook actions, ElastiCache test failovers, S3 checks."
  policy      = data.aws_iam_policy_document.recovery.json

  tags = var.tags

  lifecycle {
    precondition {
      condition     = strcontains(data.aws_iam_policy_document.recovery.json, "Statement")
      error_message = "The recovery-service policy has no statement: give recovery_regions with DB instance names, or ElastiCache or S3 ARNs, or set create_recovery_policy = false."
    }
  }
}
