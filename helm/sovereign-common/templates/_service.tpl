{{- define "sovereign.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "sovereign.fullname" . }}
  labels:
    {{- include "sovereign.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "sovereign.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "sovereign.serviceaccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "sovereign.fullname" . }}
  labels:
    {{- include "sovereign.labels" . | nindent 4 }}
# the services never call the Kubernetes API
automountServiceAccountToken: false
{{- end -}}
