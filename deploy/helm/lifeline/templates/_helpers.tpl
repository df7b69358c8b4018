{{/*
Names. The release's fullname is the prefix of every object: <fullname>-<service>.
*/}}
{{- define "lifeline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lifeline.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else if contains (include "lifeline.name" .) .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "lifeline.name" .) | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Labels of every object; call with (dict "root" $ "component" "<service>"). */}}
{{- define "lifeline.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: lifeline
{{ include "lifeline.selectorLabels" . }}
{{- end }}

{{- define "lifeline.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* The image of one service; call with (dict "root" $ "service" .Values.<service>). An empty tag is the chart's appVersion. */}}
{{- define "lifeline.image" -}}
{{- $tag := .service.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s:%s" .service.image.repository $tag }}
{{- end }}

{{/* Kafka's security.protocol from the tls and sasl switches. */}}
{{- define "lifeline.kafkaSecurityProtocol" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.sasl.enabled }}SASL_SSL
{{- else if .Values.kafka.tls.enabled }}SSL
{{- else if .Values.kafka.sasl.enabled }}SASL_PLAINTEXT
{{- else }}PLAINTEXT
{{- end }}
{{- end }}

{{/*
Pod annotations: Prometheus scraping, and checksums so a changed ConfigMap rolls the pods.
Call with (dict "root" $ "service" .Values.<service> "config" (include (print $.Template.BasePath "/<service>/configmap.yaml") $)).
*/}}
{{- define "lifeline.podAnnotations" -}}
{{- if .root.Values.prometheus.scrape }}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
prometheus.io/port: {{ .service.port | quote }}
{{- end }}
checksum/env: {{ include (print .root.Template.BasePath "/configmap-env.yaml") .root | sha256sum }}
checksum/config: {{ .config | sha256sum }}
{{- with .service.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Environment every service gets from Secrets (the rest comes from the <fullname>-env ConfigMap through envFrom).
The Kafka client settings are set three times: Spring Kafka (spring.kafka.properties.*), the Kafka binder
(spring.cloud.stream.kafka.binder.configuration.*) and the Kafka Streams binder
(spring.cloud.stream.kafka.streams.binder.configuration.*). Map keys from environment variables are lower-cased
with "_" read as ".", so SASL_JAAS_CONFIG is the key sasl.jaas.config.
*/}}
{{- define "lifeline.secretEnv" -}}
{{- with .Values.schemaRegistry.userInfoSecret }}
- name: LIFELINE_SCHEMA_REGISTRY_USER_INFO
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.schemaRegistry.userInfoKey }}
{{- end }}
{{- if .Values.kafka.sasl.enabled }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.sasl.jaasSecret is required when kafka.sasl.enabled" .Values.kafka.sasl.jaasSecret }}
      key: {{ .Values.kafka.sasl.jaasKey }}
- name: SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.jaasSecret }}
      key: {{ .Values.kafka.sasl.jaasKey }}
- name: SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_CONFIGURATION_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.jaasSecret }}
      key: {{ .Values.kafka.sasl.jaasKey }}
{{- end }}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.truststorePasswordKey }}
- name: SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.tls.truststoreSecret }}
      key: {{ .Values.kafka.tls.truststorePasswordKey }}
- name: SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.tls.truststoreSecret }}
      key: {{ .Values.kafka.tls.truststorePasswordKey }}
- name: SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_CONFIGURATION_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.tls.truststoreSecret }}
      key: {{ .Values.kafka.tls.truststorePasswordKey }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Environment for the services that send e-mail (escalation, status page): spring.mail.*. */}}
{{- define "lifeline.mailEnv" -}}
{{- if .Values.mail.host }}
- name: SPRING_MAIL_HOST
  value: {{ .Values.mail.host | quote }}
- name: SPRING_MAIL_PORT
  value: {{ .Values.mail.port | quote }}
{{- with .Values.mail.username }}
- name: SPRING_MAIL_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- with .Values.mail.passwordSecret }}
- name: SPRING_MAIL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.mail.passwordKey }}
{{- end }}
{{- end }}
{{- end }}

{{/* Mounts every service has: /tmp, the API keys, the per-service config directory, the Kafka truststore. */}}
{{- define "lifeline.commonVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: api-keys
  mountPath: /etc/lifeline/secrets
  readOnly: true
- name: config
  mountPath: /etc/lifeline/config
  readOnly: true
{{- if .Values.kafka.tls.enabled }}
- name: kafka-truststore
  mountPath: /etc/lifeline/kafka-tls
  readOnly: true
{{- end }}
{{- end }}

{{/* The volumes behind lifeline.commonVolumeMounts; call with (dict "root" $ "component" "<service>"). */}}
{{- define "lifeline.commonVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .root.Values.tmpSizeLimit }}
- name: api-keys
  secret:
    secretName: {{ required "apiKeys.secret is required: without API keys every write is refused" .root.Values.apiKeys.secret }}
    defaultMode: 0440
    items:
      - key: {{ .root.Values.apiKeys.key }}
        path: api-keys
- name: config
  configMap:
    name: {{ include "lifeline.fullname" .root }}-{{ .component }}
{{- if .root.Values.kafka.tls.enabled }}
- name: kafka-truststore
  secret:
    secretName: {{ required "kafka.tls.truststoreSecret is required when kafka.tls.enabled" .root.Values.kafka.tls.truststoreSecret }}
    defaultMode: 0440
{{- end }}
{{- end }}

{{/* Probes on Spring Boot's Kubernetes health groups; the startup probe gives a Streams restore up to 5 minutes. */}}
{{- define "lifeline.probes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: http
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end }}

{{/* The Service of one service; call with (dict "root" $ "component" "<service>" "service" .Values.<service>). */}}
{{- define "lifeline.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "lifeline.fullname" .root }}-{{ .component }}
  labels:
    {{- include "lifeline.labels" . | nindent 4 }}
spec:
  type: {{ .service.serviceType | default "ClusterIP" }}
  selector:
    {{- include "lifeline.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .service.port }}
      targetPort: http
      protocol: TCP
{{- end }}

{{/* The PodDisruptionBudget of one service; same arguments as lifeline.service. */}}
{{- define "lifeline.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "lifeline.fullname" .root }}-{{ .component }}
  labels:
    {{- include "lifeline.labels" . | nindent 4 }}
spec:
  {{- toYaml .service.pdb | nindent 2 }}
  selector:
    matchLabels:
      {{- include "lifeline.selectorLabels" . | nindent 6 }}
{{- end }}

{{/* "file:<dir>/<name>" for each name of a map of files, comma-separated (Spring binds it to a List<String>). */}}
{{- define "lifeline.fileList" -}}
{{- $files := list }}
{{- range $name, $_ := .files }}
{{- $files = append $files (printf "file:%s/%s" $.dir $name) }}
{{- end }}
{{- join "," $files }}
{{- end }}

{{/* The per-service ConfigMap mounted at /etc/lifeline/config; call with (dict "root" $ "component" "<service>" "service" .Values.<service> "files" <map of extra files>). */}}
{{- define "lifeline.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "lifeline.fullname" .root }}-{{ .component }}
  labels:
    {{- include "lifeline.labels" . | nindent 4 }}
data:
  {{- with .service.applicationYml }}
  application.yml: |
    {{- . | nindent 4 }}
  {{- end }}
  {{- range $name, $content := .files }}
  {{- if eq $name "application.yml" }}
  {{- fail "a config file may not be called application.yml: that name is the service's applicationYml" }}
  {{- end }}
  {{ $name }}: |
    {{- $content | nindent 4 }}
  {{- end }}
{{- end }}

{{/*
The Deployment of one service. Call with a dict:
  root, component, service (.Values.<service>),
  env           the service's own env entries (YAML list text, may be empty),
  volumeMounts  its own mounts (YAML list text, may be empty),
  volumes       its own volumes (YAML list text, may be empty),
  replicas      omitted when an HPA owns the count,
  strategy      the Deployment strategy (a dict),
  serviceAccount  the ServiceAccount's name, or empty: no API token is mounted then.
*/}}
{{- define "lifeline.deployment" -}}
{{- $root := .root }}
{{- $svc := .service }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "lifeline.fullname" $root }}-{{ .component }}
  labels:
    {{- include "lifeline.labels" . | nindent 4 }}
spec:
  {{- if hasKey . "replicas" }}
  replicas: {{ .replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    {{- toYaml .strategy | nindent 4 }}
  selector:
    matchLabels:
      {{- include "lifeline.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "lifeline.labels" . | nindent 8 }}
      annotations:
        {{- include "lifeline.podAnnotations" (dict "root" $root "service" $svc "config" (include (print $root.Template.BasePath "/" .component "/configmap.yaml") $root)) | trim | nindent 8 }}
    spec:
      {{- if .serviceAccount }}
      serviceAccountName: {{ .serviceAccount }}
      automountServiceAccountToken: true
      {{- else }}
      automountServiceAccountToken: false
      {{- end }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
      {{- with $svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "lifeline.image" . }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $svc.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "lifeline.fullname" $root }}-env
          env:
            - name: LIFELINE_PORT
              value: {{ $svc.port | quote }}
            {{- include "lifeline.secretEnv" $root | trim | nindent 12 }}
            {{- .env | trim | nindent 12 }}
            {{- with $svc.env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "lifeline.probes" $root | nindent 10 }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            {{- include "lifeline.commonVolumeMounts" $root | trim | nindent 12 }}
            {{- .volumeMounts | trim | nindent 12 }}
      volumes:
        {{- include "lifeline.commonVolumes" . | trim | nindent 8 }}
        {{- .volumes | trim | nindent 8 }}
{{- end }}
