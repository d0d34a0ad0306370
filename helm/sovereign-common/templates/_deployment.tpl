{{- define "sovereign.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "sovereign.fullname" . }}
  labels:
    {{- include "sovereign.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "sovereign.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "sovereign.labels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include "sovereign.configmap" . | sha256sum }}
        {{- if .Values.metrics.enabled }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        # the management port: metrics are never on the API port the Service and Ingress expose
        prometheus.io/port: {{ .Values.management.port | quote }}
        {{- end }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "sovereign.fullname" . }}
      automountServiceAccountToken: false
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      {{- if .Values.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: {{ .Values.topologySpread.topologyKey }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "sovereign.selectorLabels" . | nindent 14 }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "sovereign.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.service.port }}
              protocol: TCP
            # Quarkus's management interface: /q/health for the probes, /q/metrics for Prometheus
            - name: management
              containerPort: {{ .Values.management.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "sovereign.fullname" . }}
          {{- with (include "sovereign.secretEnv" .) }}
          env:
            {{- . | trim | nindent 12 }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: management
            periodSeconds: {{ .Values.probes.startup.periodSeconds }}
            failureThreshold: {{ .Values.probes.startup.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: management
            periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
            timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
            failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: management
            periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
            timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
            failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if .Values.global.kafka.tls.enabled }}
            - name: kafka-ca
              mountPath: /etc/sovereign/kafka-ca
              readOnly: true
            {{- end }}
      volumes:
        # the root file system is read-only: Quarkus and Vert.x write their caches under /tmp
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        {{- if .Values.global.kafka.tls.enabled }}
        - name: kafka-ca
          secret:
            secretName: {{ required "global.kafka.tls.caSecret is required with TLS" .Values.global.kafka.tls.caSecret }}
            items:
              - key: {{ .Values.global.kafka.tls.caKey }}
                path: {{ .Values.global.kafka.tls.caKey }}
        {{- end }}
{{- end -}}
