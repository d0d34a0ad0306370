{{/*
The service's Kafka principal: a Strimzi KafkaUser with a SCRAM-SHA-512 credential and the ACLs
of the local stack (stack KafkaUsers): it writes only its own topic, reads only the topics it
consumes, under consumer groups named after the service. Strimzi's User Operator (watching the
release namespace, helm/README.md) creates the user and a Secret of the same name whose key
"password" the Deployment references (sovereign.secretEnv).
*/}}
{{- define "sovereign.kafkaUser" -}}
{{- if .Values.kafkaUser.enabled }}
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata:
  name: {{ .Values.kafkaUser.name }}
  labels:
    strimzi.io/cluster: {{ required "global.kafka.cluster is required" .Values.global.kafka.cluster }}
    {{- include "sovereign.labels" . | nindent 4 }}
spec:
  authentication:
    type: scram-sha-512
  authorization:
    type: simple
    acls:
      {{- range .Values.kafkaUser.writes }}
      - resource:
          type: topic
          name: {{ . | quote }}
          patternType: literal
        operations: [Write, Describe]
        host: "*"
      {{- end }}
      {{- range .Values.kafkaUser.reads }}
      - resource:
          type: topic
          name: {{ . | quote }}
          patternType: literal
        operations: [Read, Describe]
        host: "*"
      {{- end }}
      - resource:
          type: group
          name: {{ .Values.kafkaUser.consumerGroup | quote }}
          patternType: literal
        operations: [Read]
        host: "*"
      - resource:
          type: group
          name: {{ printf "%s-" .Values.kafkaUser.consumerGroup | quote }}
          patternType: prefix
        operations: [Read]
        host: "*"
{{- end }}
{{- end -}}
