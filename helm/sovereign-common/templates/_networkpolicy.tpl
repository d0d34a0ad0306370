{{/*
One policy per service, selecting its pods, with both policy types: whatever no rule below allows
is denied, in and out. Allowed in: the services named in calledBy and the ingress controller (when
networkPolicy.allowIngressController) on the HTTP (API) port; Prometheus (when metrics.enabled) on
the management port only. The kubelet's probes reach the management port from the node.
Allowed out: DNS, this service's PostgreSQL, Kafka, Keycloak, the services in calls, and the
named rules of networkPolicy.extraEgress (settlement: the EVM node's JSON-RPC).
*/}}
{{- define "sovereign.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled -}}
{{- $np := .Values.global.networkPolicy -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "sovereign.fullname" . }}
  labels:
    {{- include "sovereign.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "sovereign.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if .Values.calledBy }}
    - from:
        {{- range .Values.calledBy }}
        - {{ include "sovereign.peerSelector" (dict "root" $ "name" .) | indent 10 | trim }}
        {{- end }}
      ports:
        - port: {{ .Values.service.port }}
          protocol: TCP
    {{- end }}
    {{- if .Values.networkPolicy.allowIngressController }}
    - from:
        {{- toYaml $np.ingressController | nindent 8 }}
      ports:
        - port: {{ .Values.service.port }}
          protocol: TCP
    {{- end }}
    {{- if .Values.metrics.enabled }}
    - from:
        {{- toYaml $np.prometheus | nindent 8 }}
      ports:
        - port: {{ .Values.management.port }}
          protocol: TCP
    {{- end }}
  egress:
    - to:
        {{- toYaml $np.dns | nindent 8 }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - to:
        {{- toYaml .Values.database.networkPeers | nindent 8 }}
      ports:
        - port: {{ .Values.database.port }}
          protocol: TCP
    - to:
        {{- toYaml .Values.global.kafka.networkPeers | nindent 8 }}
      ports:
        {{- range .Values.global.kafka.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    - to:
        {{- toYaml .Values.global.keycloak.networkPeers | nindent 8 }}
      ports:
        {{- range .Values.global.keycloak.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- range .Values.calls }}
    - to:
        - {{ include "sovereign.peerSelector" (dict "root" $ "name" .service) | indent 10 | trim }}
      ports:
        - port: {{ .port }}
          protocol: TCP
    {{- end }}
    {{- range $name, $rule := .Values.networkPolicy.extraEgress }}
    # {{ $name }}
    - {{ toYaml $rule | indent 6 | trim }}
    {{- end }}
{{- end -}}
{{- end -}}
