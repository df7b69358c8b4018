# A cross-region read replica of the primary RDS instance, created in the DR region through the
# aws.dr provider the caller passes in. Promoting it (aws rds promote-read-replica, or Lifeline's
# failover-service) turns it into the DR region's writable database.

resource "aws_db_instance" "replica" {
  provider = aws.dr

  identifier          = var.identifier
  replicate_source_db = var.source_db_instance_arn
  instance_class      = var.instance_class
  multi_az            = var.multi_az

  storage_encrypted = var.kms_key_id != null
  kms_key_id        = var.kms_key_id

  backup_retention_period = var.backup_retention_period
  backup_window           = var.backup_window

  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = var.vpc_security_group_ids
  parameter_group_name   = var.parameter_group_name

  performance_insights_enabled = var.performance_insights_enabled
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = var.skip_final_snapshot
  final_snapshot_identifier    = var.skip_final_snapshot ? null : "${var.identifier}-final"
  apply_immediately            = var.apply_immediately
  copy_tags_to_snapshot        = true

  tags = var.tags

  lifecycle {
    # Once the replica is promoted during a failover it has no source any more; do not let a later
    # plan try to turn it back into a replica.
    ignore_changes = [replicate_source_db]
  }
}
