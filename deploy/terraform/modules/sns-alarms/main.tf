# The SNS topic CloudWatch alarms publish to, subscribed over HTTPS by Lifeline's alert-ingest
# (POST /api/v1/integrations/sns, alert-ingest/README.md). alert-ingest verifies each message's
# SNS signature and confirms the subscription itself (GET of SubscribeURL) once the signature,
# the topic (an integration of type sns listing this topic ARN) and the URL's host check out.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  # alert-ingest's SNS receiver (SnsAlarmController); TerraformFilesTest checks it against the Java source.
  sns_receiver_path = "/api/v1/integrations/sns"

  endpoint = "${trimsuffix(var.alert_ingest_base_url, "/")}${local.sns_receiver_path}"

  # SNS's HTTP/S delivery policy: alert-ingest answers 5xx (503 when rate limited or a signing
  # certificate cannot be fetched) for what SNS should retry, 4xx for what it should drop.
  delivery_policy = {
    healthyRetryPolicy = {
      numRetries         = var.delivery_num_retries
      numNoDelayRetries  = 0
      minDelayTarget     = var.delivery_min_delay_seconds
      maxDelayTarget     = var.delivery_max_delay_seconds
      numMinDelayRetries = 2
      numMaxDelayRetries = 2
      backoffFunction    = "exponential"
    }
    throttlePolicy = {
      maxReceivesPerSecond = var.delivery_max_receives_per_second
    }
    requestPolicy = {
      # What SNS sends by default; alert-ingest accepts text/plain and application/json.
      headerContentType = "text/plain; charset=UTF-8"
    }
  }
}

resource "aws_sns_topic" "alarms" {
  name              = var.name
  kms_master_key_id = var.kms_master_key_id

  tags = var.tags
}

# Replaces the topic's default policy: CloudWatch alarms of this account (and region) may publish;
# the account's own principals manage the topic through their IAM policies.
data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CloudWatchAlarmsPublish"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${data.aws_partition.current.partition}:cloudwatch:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:alarm:*"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "alert_ingest" {
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "https"
  endpoint  = local.endpoint

  # alert-ingest confirms the subscription after verifying the confirmation's signature; Terraform
  # does not wait for it (the subscription shows pending_confirmation until then).
  endpoint_auto_confirms = false

  # Raw messages carry no signature and alert-ingest refuses them.
  raw_message_delivery = false

  delivery_policy = jsonencode(local.delivery_policy)
}
