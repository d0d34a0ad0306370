{{/*
The non-secret environment of a service. Secrets never go here: they are read by secretKeyRef
from existing Secrets (see sovereign.secretEnv).
*/}}
{{- define "sovereign.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "sovereign.fullname" . }}
  labels:
    {{- include "sovereign.labels" . | nindent 4 }}
data:
  KAFKA_BOOTSTRAP_SERVERS: {{ required "global.kafka.bootstrapServers is required" .Values.global.kafka.bootstrapServers | quote }}
  {{- if .Values.kafkaUser.enabled }}
  # the KafkaUser's name; its password comes from the Secret Strimzi writes (sovereign.secretEnv)
  KAFKA_USERNAME: {{ .Values.kafkaUser.name | quote }}
  {{- end }}
  {{- if .Values.global.kafka.tls.enabled }}
  # SCRAM-SHA-512 over TLS (SASL_PLAINTEXT, the services' default, without)
  KAFKA_SECURITY_PROTOCOL: "SASL_SSL"
  KAFKA_SSL_TRUSTSTORE_TYPE: "PEM"
  KAFKA_SSL_TRUSTSTORE_LOCATION: "/etc/sovereign/kafka-ca/{{ .Values.global.kafka.tls.caKey }}"
  {{- end }}
  KEYCLOAK_URL: {{ required "global.keycloak.url is required" .Values.global.keycloak.url | quote }}
  DB_HOST: {{ required "database.host is required" .Values.database.host | quote }}
  PG_PORT: {{ .Values.database.port | quote }}
  DB_NAME: {{ required "database.name is required" .Values.database.name | quote }}
  # the management interface (/q/health, /q/metrics), a port of its own that no Service exposes
  QUARKUS_MANAGEMENT_PORT: {{ required "management.port is required" .Values.management.port | quote }}
  {{- range .Values.calls }}
  {{ .urlEnv }}: {{ include "sovereign.callUrl" (dict "root" $ "call" .) | quote }}
  {{- end }}
  {{- range $name, $value := .Values.env }}
  {{ $name }}: {{ $value | quote }}
  {{- end }}
{{- end -}}

{{/*
Secret environment: every entry of secretEnv is a secretKeyRef to an existing Secret; with a
KafkaUser, KAFKA_PASSWORD is its Secret's "password" (unless secretEnv names another).
*/}}
{{- define "sovereign.secretEnv" -}}
{{- if and .Values.kafkaUser.enabled (not (hasKey .Values.secretEnv "KAFKA_PASSWORD")) }}
- name: KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafkaUser.name }}
      key: password
{{- end }}
{{- range $name, $ref := .Values.secretEnv }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "secretEnv.%s.secretName is required" $name) $ref.secretName }}
      key: {{ required (printf "secretEnv.%s.key is required" $name) $ref.key }}
{{- end }}
{{- end -}}
