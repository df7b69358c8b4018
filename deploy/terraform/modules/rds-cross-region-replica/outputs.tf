output "replica_identifier" {
  description = "Identifier of the replica (lifeline.failover.aws.rds.replica-identifier)."
  value       = aws_db_instance.replica.identifier
}

output "replica_arn" {
  description = "ARN of the replica (lifeline.failover.aws.rds.replica-arn)."
  value       = aws_db_instance.replica.arn
}

output "replica_endpoint" {
  description = "Connection endpoint (host:port) of the replica."
  value       = aws_db_instance.replica.endpoint
}

output "replica_address" {
  description = "Host name of the replica."
  value       = aws_db_instance.replica.address
}

output "replica_region" {
  description = "Region the replica lives in (lifeline.failover.aws.rds.replica-region)."
  value       = split(":", aws_db_instance.replica.arn)[3]
}
