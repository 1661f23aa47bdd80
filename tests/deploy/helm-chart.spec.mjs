// The Helm chart (deploy/helm/tributary): lint and render it for every values file with Helm itself
// (helm-java), validate every rendered object against the Kubernetes schemas (kubernetes-models),
// and check the rules the chart promises. No cluster needed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chartDir, lintAndRender, mergeValues, readValues, root, valuesFiles } from './helm.mjs';

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;
const appsNeedingChart = () =>
  readdirSync(join(root, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'tributary-cli' && existsSync(join(root, 'apps', d.name, 'package.json')))
    .map((d) => d.name)
    .sort();

const defaults = readValues('values.yaml');
const effectiveValues = (file) => (file === 'values.yaml' ? defaults : mergeValues(defaults, readValues(file)));
const allEnabled = { services: Object.fromEntries(Object.keys(defaults.services).map((name) => [name, { enabled: true }])) };

/** kubernetes-models class for apiVersion + kind, or undefined for a CRD it does not know. */
const modelFor = async (apiVersion, kind) => {
  const path = apiVersion.includes('/') ? `kubernetes-models/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
  try {
    const module = await import(path);
    return module[kind] ?? module.default;
  } catch (error) {
    if (error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || error.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
};

/** Structural checks of the Prometheus Operator objects (their CRD schemas are not in kubernetes-models). */
const checkCrd = (object) => {
  assert.equal(object.apiVersion, 'monitoring.coreos.com/v1');
  assert.ok(object.metadata?.name, 'metadata.name');
  if (object.kind === 'ServiceMonitor') {
    assert.ok(object.spec.selector?.matchLabels, 'ServiceMonitor selector');
    assert.ok(object.spec.endpoints.length > 0);
    for (const endpoint of object.spec.endpoints) {
      assert.equal(endpoint.port, 'ops');
      assert.equal(endpoint.path, '/metrics');
      assert.match(endpoint.interval, /^\d+[smh]$/);
    }
  } else if (object.kind === 'PrometheusRule') {
    assert.ok(Array.isArray(object.spec.groups) && object.spec.groups.length > 0, 'PrometheusRule has groups');
    for (const group of object.spec.groups) {
      assert.ok(group.name, 'group name');
      assert.ok(Array.isArray(group.rules) && group.rules.length > 0, `group ${group.name} has rules`);
      for (const rule of group.rules) {
        assert.ok(rule.alert || rule.record, 'a rule is an alert or a recording rule');
        assert.equal(typeof rule.expr, 'string');
      }
    }
  } else {
    assert.fail(`unexpected kind ${object.kind}`);
  }
};

const byKind = (objects, kind) => objects.filter((o) => o.kind === kind);
const envOf = (container) => Object.fromEntries((container.env ?? []).map((e) => [e.name, e]));
const componentOf = (object) => object.metadata.labels['app.kubernetes.io/component'];

let result;
before(() => {
  const mappingsChanged = (dir) => {
    const file = join(dir, 'files/mappings/default.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n# changed: the pods must roll\n');
  };
  result = lintAndRender([
    { name: 'mappings-changed', editChart: mappingsChanged },
    { name: 'all-services', values: allEnabled },
    { name: 'hpa-sink', values: { services: { 'intacct-sink': { autoscaling: { enabled: true, minReplicas: 1, maxReplicas: 4 }, erpBudget: { system: 'intacct', total: 6 } } } } },
    { name: 'inline-secret', values: { services: { 'intacct-sink': { env: { INTACCT_USER_PASSWORD: 'hunter2' } } } } },
    { name: 'mapping-override', values: { mappings: { override: { 'default.yaml': 'version: 1\ncompany: { baseCurrency: EUR }\n' } } } },
  ]);
});

describe('helm chart: lint and render', () => {
  for (const file of valuesFiles) {
    test(`${file}: helm lint --strict passes`, () => {
      const { ok, messages } = result.lint[file];
      assert.ok(ok, messages.join('\n'));
      assert.deepEqual(messages.filter((m) => /\[(ERROR|WARNING)\]/.test(m)), []);
    });
    test(`${file}: renders, and every object is valid against the Kubernetes schemas`, async () => {
      const rendered = result.rendered[file];
      assert.equal(rendered.error, undefined, rendered.error);
      assert.deepEqual(rendered.yamlErrors, []);
      assert.ok(rendered.objects.length > 0);
      for (const object of rendered.objects) {
        const Model = await modelFor(object.apiVersion, object.kind);
        if (Model === undefined) checkCrd(object);
        else assert.doesNotThrow(() => new Model(object).validate(), (e) => `${object.kind}/${object.metadata?.name}: ${e.message}`);
      }
    });
  }
  test('every service entry renders valid objects when enabled (the ones on their way too)', async () => {
    const rendered = result.rendered['all-services'];
    assert.equal(rendered.error, undefined, rendered.error);
    assert.equal(byKind(rendered.objects, 'Deployment').length, Object.keys(defaults.services).length);
    for (const object of rendered.objects) {
      const Model = await modelFor(object.apiVersion, object.kind);
      if (Model) new Model(object).validate();
    }
  });
});

describe('helm chart: rules', () => {
  test('every app in apps/ (except the CLI) has an entry under services:', () => {
    const missing = appsNeedingChart().filter((app) => !(app in defaults.services));
    assert.deepEqual(missing, [], `add these to deploy/helm/tributary/values.yaml services: ${missing.join(', ')}`);
  });
  test('services enabled by default exist in apps/ (no image for a service that is not there)', () => {
    const apps = new Set(appsNeedingChart());
    const enabled = Object.entries(defaults.services).filter(([, s]) => s.enabled).map(([name]) => name);
    assert.deepEqual(enabled.filter((name) => !apps.has(name)), []);
  });
  test('sources and projectors are singletons (one replica, Recreate)', () => {
    for (const [name, svc] of Object.entries(defaults.services)) {
      if (/-source$|projector/.test(name)) assert.equal(svc.singleton, true, `${name} must be singleton: true`);
    }
  });
  test('the chart copy of the mapping files matches config/mappings/', () => {
    const source = join(root, 'config/mappings');
    const copy = join(chartDir, 'files/mappings');
    const names = (dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    assert.deepEqual(names(copy), names(source), 'same files');
    for (const name of names(source)) {
      assert.ok(readFileSync(join(copy, name), 'utf8') === readFileSync(join(source, name), 'utf8'),
        `deploy/helm/tributary/files/mappings/${name} drifted from config/mappings/${name}: copy it over`);
    }
  });

  for (const file of valuesFiles) {
    describe(file, () => {
      const values = effectiveValues(file);
      const objects = () => result.rendered[file].objects;
      const deployments = () => byKind(objects(), 'Deployment');
      const enabled = Object.entries(values.services).filter(([, s]) => s.enabled);

      test('one Deployment per enabled service, and none for a disabled one', () => {
        assert.deepEqual(deployments().map(componentOf).sort(), enabled.map(([name]) => name).sort());
        assert.equal(new Set(deployments().map((d) => d.metadata.name)).size, deployments().length);
      });
      test('probes on every container: /health/live and /health/ready on the ops port', () => {
        for (const d of deployments()) {
          for (const c of d.spec.template.spec.containers) {
            const ops = c.ports.find((p) => p.name === 'ops');
            assert.equal(ops?.containerPort, values.opsPort, `${c.name}: ops port`);
            assert.equal(c.livenessProbe?.httpGet?.path, '/health/live', `${c.name}: liveness`);
            assert.equal(c.readinessProbe?.httpGet?.path, '/health/ready', `${c.name}: readiness`);
            assert.ok([ops.name, ops.containerPort].includes(c.livenessProbe.httpGet.port));
            assert.ok([ops.name, ops.containerPort].includes(c.readinessProbe.httpGet.port));
            assert.equal(envOf(c).OPS_PORT?.value, String(values.opsPort));
            assert.ok(c.resources?.requests && c.resources?.limits, `${c.name}: resources`);
          }
        }
      });
      test('non-root, read-only root filesystem, no privilege escalation, no capabilities, /tmp writable', () => {
        for (const d of deployments()) {
          const pod = d.spec.template.spec;
          assert.equal(pod.securityContext?.runAsNonRoot, true, `${d.metadata.name}: pod runAsNonRoot`);
          assert.equal(pod.securityContext?.seccompProfile?.type, 'RuntimeDefault');
          for (const c of pod.containers) {
            const sc = c.securityContext ?? {};
            assert.equal(sc.runAsNonRoot, true, `${c.name}: runAsNonRoot`);
            assert.ok(sc.runAsUser > 0, `${c.name}: runAsUser not 0`);
            assert.equal(sc.readOnlyRootFilesystem, true, `${c.name}: readOnlyRootFilesystem`);
            assert.equal(sc.allowPrivilegeEscalation, false, `${c.name}: allowPrivilegeEscalation`);
            assert.deepEqual(sc.capabilities?.drop, ['ALL'], `${c.name}: drop ALL`);
            const tmp = c.volumeMounts.find((m) => m.mountPath === '/tmp');
            assert.ok(pod.volumes.find((v) => v.name === tmp?.name)?.emptyDir, `${c.name}: /tmp is an emptyDir`);
          }
        }
      });
      test('no inline secrets: secret-looking variables only through secretKeyRef; no Secret objects', () => {
        assert.deepEqual(byKind(objects(), 'Secret'), []);
        for (const d of deployments()) {
          for (const c of d.spec.template.spec.containers) {
            for (const e of c.env ?? []) {
              if (!SECRET_NAME.test(e.name)) continue;
              assert.equal(e.value, undefined, `${c.name}: ${e.name} has an inline value`);
              assert.ok(e.valueFrom?.secretKeyRef?.name && e.valueFrom.secretKeyRef.key, `${c.name}: ${e.name} comes from a Secret`);
            }
          }
        }
        for (const cm of byKind(objects(), 'ConfigMap')) {
          for (const key of Object.keys(cm.data ?? {})) assert.doesNotMatch(key, SECRET_NAME, `ConfigMap ${cm.metadata.name} key ${key}`);
        }
        for (const [name, svc] of enabled) {
          const c = deployments().find((d) => componentOf(d) === name).spec.template.spec.containers[0];
          for (const system of svc.systems ?? []) {
            for (const [envName, key] of Object.entries(values.systems[system].secretEnv)) {
              assert.deepEqual(envOf(c)[envName]?.valueFrom?.secretKeyRef, { name: values.systems[system].existingSecret, key }, `${name}: ${envName}`);
            }
          }
        }
      });
      test('Kafka and the schema registry come from values', () => {
        for (const d of deployments()) {
          const env = envOf(d.spec.template.spec.containers[0]);
          assert.equal(env.KAFKA_BROKERS.value, values.kafka.brokers);
          assert.equal(env.SCHEMA_REGISTRY_URL.value, values.schemaRegistry.url);
          assert.equal(env.LOG_LEVEL.value, values.services[componentOf(d)].logLevel ?? values.logLevel);
          if (values.kafka.sasl.mechanism) assert.equal(env.KAFKA_SASL_PASSWORD.valueFrom.secretKeyRef.name, values.kafka.sasl.existingSecret);
        }
        assert.equal(objects().filter((o) => /kafka|zookeeper/i.test(o.kind) || o.kind === 'StatefulSet').length, 0, 'the chart never deploys Kafka');
      });
      test('mappings: ConfigMap mounted, MAPPING_FILE points into it, checksum annotation matches', () => {
        const cm = byKind(objects(), 'ConfigMap').find((c) => c.metadata.name.endsWith('-mappings'));
        assert.ok(cm, 'mappings ConfigMap');
        assert.ok(cm.data['default.yaml'].trim() === readFileSync(join(chartDir, 'files/mappings/default.yaml'), 'utf8').trim(), 'ConfigMap holds the mapping file');
        const checksum = cm.metadata.annotations['checksum/mappings'];
        assert.match(checksum, /^[0-9a-f]{64}$/);
        for (const [name, svc] of enabled.filter(([, s]) => s.mappings)) {
          const d = deployments().find((x) => componentOf(x) === name);
          assert.equal(d.spec.template.metadata.annotations?.['checksum/mappings'], checksum, `${name}: checksum annotation`);
          const c = d.spec.template.spec.containers[0];
          const mount = c.volumeMounts.find((m) => m.mountPath === values.mappings.mountPath);
          assert.equal(d.spec.template.spec.volumes.find((v) => v.name === mount?.name)?.configMap?.name, cm.metadata.name);
          assert.equal(envOf(c).MAPPING_FILE.value, `${values.mappings.mountPath}/${values.mappings.file}`);
        }
      });
      test('singletons: replicas 1 and Recreate, no HPA or PDB; scalable ones get their PDB and HPA', () => {
        const hpas = byKind(objects(), 'HorizontalPodAutoscaler');
        const pdbs = byKind(objects(), 'PodDisruptionBudget');
        for (const [name, svc] of enabled) {
          const d = deployments().find((x) => componentOf(x) === name);
          if (svc.singleton) {
            assert.equal(d.spec.replicas, 1, `${name}: replicas`);
            assert.equal(d.spec.strategy.type, 'Recreate', `${name}: strategy`);
            assert.ok(!hpas.some((h) => h.spec.scaleTargetRef.name === d.metadata.name), `${name}: no HPA`);
            assert.ok(!pdbs.some((p) => componentOf(p) === name), `${name}: no PDB`);
          } else {
            assert.equal(pdbs.some((p) => componentOf(p) === name), Boolean(svc.pdb?.enabled), `${name}: PDB`);
            const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
            assert.equal(Boolean(hpa), Boolean(svc.autoscaling?.enabled), `${name}: HPA`);
            if (hpa) assert.equal(d.spec.replicas, undefined, `${name}: the HPA owns replicas`);
            else assert.equal(d.spec.replicas, svc.replicas ?? 1, `${name}: replicas`);
          }
        }
      });
      test('the ERP budget is divided across replicas: floor(total / replicas), at least 1', () => {
        for (const [name, svc] of enabled.filter(([, s]) => s.erpBudget)) {
          const d = deployments().find((x) => componentOf(x) === name);
          const replicas = svc.singleton ? 1 : svc.autoscaling?.enabled ? svc.autoscaling.maxReplicas : (svc.replicas ?? 1);
          const variable = values.systems[svc.erpBudget.system].concurrencyEnv;
          assert.equal(envOf(d.spec.template.spec.containers[0])[variable]?.value, String(Math.max(1, Math.floor(svc.erpBudget.total / replicas))), `${name}: ${variable}`);
        }
      });
      test('a Service per enabled service with the ops port (and http for the ingress)', () => {
        const services = byKind(objects(), 'Service');
        for (const [name, svc] of enabled) {
          const s = services.find((x) => componentOf(x) === name);
          assert.ok(s, `${name}: Service`);
          assert.ok(s.spec.ports.some((p) => p.name === 'ops' && p.port === values.opsPort));
          assert.equal(s.spec.ports.some((p) => p.name === 'http'), Boolean(svc.httpPort));
        }
      });
      test('ServiceMonitor, PrometheusRule and the Grafana dashboard follow their switches', () => {
        const m = values.monitoring;
        assert.equal(byKind(objects(), 'ServiceMonitor').length, m.serviceMonitor.enabled ? 1 : 0);
        assert.equal(byKind(objects(), 'PrometheusRule').length, m.prometheusRule.enabled ? 1 : 0);
        const dashboards = byKind(objects(), 'ConfigMap').filter((c) => c.metadata.labels?.grafana_dashboard === '1');
        assert.equal(dashboards.length, m.grafanaDashboard.enabled ? 1 : 0);
        for (const dashboard of dashboards) for (const json of Object.values(dashboard.data)) JSON.parse(json);
      });
    });
  }

  test('the promotion path: ServiceMonitor on in qa and prod, off in dev', () => {
    assert.equal(effectiveValues('values-dev.yaml').monitoring.serviceMonitor.enabled, false);
    assert.equal(effectiveValues('values-qa.yaml').monitoring.serviceMonitor.enabled, true);
    assert.equal(effectiveValues('values-prod.yaml').monitoring.serviceMonitor.enabled, true);
    const tags = ['values-dev.yaml', 'values-qa.yaml', 'values-prod.yaml'].map((f) => effectiveValues(f).image.tag);
    assert.equal(new Set(tags).size, 3, 'each environment pins its own image tag');
  });
  test('a change to a mapping file changes the checksum annotation (the pods roll)', () => {
    const checksums = (name) => byKind(result.rendered[name].objects, 'Deployment')
      .map((d) => d.spec.template.metadata.annotations?.['checksum/mappings']).filter(Boolean);
    const before = checksums('values.yaml');
    const changed = checksums('mappings-changed');
    const overridden = checksums('mapping-override');
    assert.ok(before.length > 0 && changed.length === before.length && overridden.length === before.length);
    assert.notEqual(changed[0], before[0]);
    assert.notEqual(overridden[0], before[0]);
    assert.notEqual(overridden[0], changed[0]);
  });
  test('with an HPA the budget is divided by maxReplicas', () => {
    const d = byKind(result.rendered['hpa-sink'].objects, 'Deployment').find((x) => componentOf(x) === 'intacct-sink');
    assert.equal(envOf(d.spec.template.spec.containers[0]).INTACCT_MAX_CONCURRENT_REQUESTS.value, '1');
    assert.equal(d.spec.replicas, undefined);
  });
  test('a secret-looking variable in plain values is refused at render time', () => {
    assert.match(result.rendered['inline-secret'].error ?? '', /INTACCT_USER_PASSWORD looks like a secret/);
  });
});
