{{/*
Names and labels. Every object of a service is named <release>-<chart> (fullnameOverride
replaces it); the bidder-portal's service URLs and the NetworkPolicies rely on that.
*/}}
{{- define "sovereign.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "sovereign.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sovereign.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "sovereign.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: sovereign-platform
{{- end -}}

{{/* Selector of another service of the same release, by chart name. */}}
{{- define "sovereign.peerSelector" -}}
podSelector:
  matchLabels:
    app.kubernetes.io/name: {{ .name }}
    app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/*
The image: repository:tag, or repository:tag@digest. A pinned tag is mandatory: the schema refuses
an empty tag and "latest"; this guard also covers a --set that bypasses a schema-less chart.
*/}}
{{- define "sovereign.image" -}}
{{- $tag := toString .Values.image.tag -}}
{{- if or (eq $tag "") (eq $tag "latest") -}}
{{- fail (printf "%s: image.tag must be a pinned version, not %q" .Chart.Name $tag) -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* URL of a service this one calls: the value given, else http://<release>-<service>:<port>. */}}
{{- define "sovereign.callUrl" -}}
{{- if .call.url -}}
{{- .call.url -}}
{{- else -}}
{{- printf "http://%s-%s:%v" .root.Release.Name .call.service .call.port -}}
{{- end -}}
{{- end -}}
