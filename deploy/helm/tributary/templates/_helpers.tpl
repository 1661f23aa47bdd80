{{/* Chart name. */}}
{{- define "tributary.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-wide prefix of every object name. */}}
{{- define "tributary.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels shared by every object. */}}
{{- define "tributary.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "tributary.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tributary
{{- end -}}

{{/* Object name of one service: (dict "root" $ "name" $name). */}}
{{- define "tributary.serviceFullname" -}}
{{- printf "%s-%s" (include "tributary.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of one service: (dict "root" $ "name" $name). */}}
{{- define "tributary.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tributary.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* All labels of one service's objects. */}}
{{- define "tributary.serviceLabels" -}}
{{ include "tributary.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* The image of one service: (dict "root" $ "name" $name "svc" $svc). */}}
{{- define "tributary.image" -}}
{{- $image := default dict .svc.image -}}
{{- $repository := default (printf "%s/%s" .root.Values.image.registry .name) $image.repository -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) $image.tag -}}
{{- printf "%s:%s" $repository (toString $tag) -}}
{{- end -}}

{{/* Replicas the ERP budget is divided by: maxReplicas with an HPA, else the fixed count. */}}
{{- define "tributary.budgetReplicas" -}}
{{- $svc := .svc -}}
{{- if $svc.singleton -}}1
{{- else if and $svc.autoscaling $svc.autoscaling.enabled -}}{{ max 1 (int $svc.autoscaling.maxReplicas) }}
{{- else -}}{{ max 1 (int (default 1 $svc.replicas)) }}
{{- end -}}
{{- end -}}

{{/* Checksum of the mapping files as they are mounted (bundled copies + overrides). */}}
{{- define "tributary.mappingsChecksum" -}}
{{- include "tributary.mappingsData" . | sha256sum -}}
{{- end -}}

{{/* data: of the mappings ConfigMap. */}}
{{- define "tributary.mappingsData" -}}
{{- $files := dict -}}
{{- range $path, $_ := .Files.Glob "files/mappings/*.yaml" -}}
{{- $_ := set $files (base $path) ($.Files.Get $path) -}}
{{- end -}}
{{- range $name, $content := .Values.mappings.override -}}
{{- $_ := set $files $name $content -}}
{{- end -}}
{{- range $name := keys $files | sortAlpha }}
{{ $name }}: |-
{{ get $files $name | trimSuffix "\n" | indent 2 }}
{{- end -}}
{{- end -}}

{{/* Name of the service account the pods use. */}}
{{- define "tributary.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tributary.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Does an environment variable name look like a secret? */}}
{{- define "tributary.secretLooking" -}}
{{- if regexMatch "(PASSWORD|SECRET|TOKEN|KEY)" (upper .) -}}true{{- end -}}
{{- end -}}
