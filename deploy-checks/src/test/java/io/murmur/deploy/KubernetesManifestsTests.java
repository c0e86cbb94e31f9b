package io.murmur.deploy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every overlay under {@code deploy/k8s/overlays} renders with kustomize, every object it
 * renders parses strictly against the Kubernetes API models (an unknown field fails), and
 * the objects keep Murmur's policies.
 */
class KubernetesManifestsTests {

	private static final Path OVERLAYS = Repository.ROOT.resolve("deploy/k8s/overlays");

	private static final Map<String, Class<?>> MODELS = Map.of("apps/v1 Deployment", V1Deployment.class,
			"apps/v1 StatefulSet", V1StatefulSet.class, "v1 Service", V1Service.class, "v1 ConfigMap",
			V1ConfigMap.class, "v1 Secret", V1Secret.class, "autoscaling/v2 HorizontalPodAutoscaler",
			V2HorizontalPodAutoscaler.class, "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class,
			"networking.k8s.io/v1 Ingress", V1Ingress.class, "networking.k8s.io/v1 NetworkPolicy",
			V1NetworkPolicy.class);

	@TestFactory
	Stream<DynamicTest> shouldRenderParseAndKeepThePoliciesInEveryOverlay() throws IOException {
		List<Path> overlays;
		try (Stream<Path> found = Files.list(OVERLAYS)) {
			overlays = found.filter(Files::isDirectory).sorted().toList();
		}
		assertThat(overlays).extracting((path) -> path.getFileName().toString()).contains("dev", "prod");
		return overlays.stream()
			.map((overlay) -> dynamicTest(overlay.getFileName().toString(), () -> check(new Rendered(overlay))));
	}

	private void check(Rendered rendered) {
		List<Workload> workloads = rendered.workloads();
		assertThat(workloads).isNotEmpty();
		for (Workload workload : workloads) {
			keepsContainerPolicies(workload);
		}
		for (Repository.Service service : Repository.services()) {
			Workload workload = workloads.stream()
				.filter((candidate) -> candidate.name().equals(service.name()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(rendered.overlay + " has no workload " + service.name()));
			V1Container container = workload.template().getSpec().getContainers().get(0);
			assertThat(container.getImage()).startsWith("murmur/" + service.name() + ":");
			assertThat(portNumber(container, "http")).as(service.name() + " API port").isEqualTo(service.port());
			assertThat(portNumber(container, "management")).as(service.name() + " management port")
				.isEqualTo(service.managementPort());
			assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrValue()).isEqualTo("management");
			V1ConfigMap config = rendered.only(V1ConfigMap.class, service.name() + "-config");
			assertThat(config.getData()).containsEntry("MURMUR_SERVER_PORT", String.valueOf(service.port()))
				.containsEntry("MURMUR_MANAGEMENT_PORT", String.valueOf(service.managementPort()));
			assertThat(rendered.of(V2HorizontalPodAutoscaler.class)).as(service.name() + " HPA")
				.anyMatch((hpa) -> hpa.getSpec().getScaleTargetRef().getName().equals(service.name()));
			assertThat(rendered.of(V1PodDisruptionBudget.class)).as(service.name() + " PDB")
				.anyMatch((pdb) -> workload.selectedBy(pdb.getSpec().getSelector()));
		}
		for (V1Service service : rendered.of(V1Service.class)) {
			assertThat(workloads).as("a workload behind Service " + name(service.getMetadata()))
				.anyMatch((workload) -> workload.selectedBy(service.getSpec().getSelector()));
		}
		for (V1PodDisruptionBudget pdb : rendered.of(V1PodDisruptionBudget.class)) {
			assertThat(workloads).as("a workload under PDB " + name(pdb.getMetadata()))
				.anyMatch((workload) -> workload.selectedBy(pdb.getSpec().getSelector()));
			int replicas = workloads.stream()
				.filter((workload) -> workload.selectedBy(pdb.getSpec().getSelector()))
				.mapToInt(Workload::replicas)
				.max()
				.orElse(0);
			assertThat(pdb.getSpec().getMinAvailable()).as("PDBs allow a rolling update: maxUnavailable only").isNull();
			assertThat(replicas).as(name(pdb.getMetadata()) + " replicas").isPositive();
		}
		for (V2HorizontalPodAutoscaler hpa : rendered.of(V2HorizontalPodAutoscaler.class)) {
			assertThat(workloads).as("the target of HPA " + name(hpa.getMetadata()))
				.anyMatch((workload) -> workload.kind().equals(hpa.getSpec().getScaleTargetRef().getKind())
						&& workload.name().equals(hpa.getSpec().getScaleTargetRef().getName()));
		}
		List<V1NetworkPolicy> policies = rendered.of(V1NetworkPolicy.class);
		assertThat(policies).as("a default deny")
			.anyMatch((policy) -> isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
					&& isEmpty(policy.getSpec().getIngress()) && isEmpty(policy.getSpec().getEgress()));
		for (Workload workload : workloads) {
			assertThat(policies).as("an ingress NetworkPolicy of its own for " + workload.name())
				.anyMatch((policy) -> !isEmpty(policy.getSpec().getIngress())
						&& !isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
						&& workload.selectedBy(policy.getSpec().getPodSelector()));
		}
		if (rendered.overlay.getFileName().toString().equals("prod")) {
			for (Workload workload : workloads) {
				assertThat(workload.replicas()).as(workload.name() + " replicas in prod").isGreaterThanOrEqualTo(2);
			}
		}
	}

	private static void keepsContainerPolicies(Workload workload) {
		V1PodTemplateSpec template = workload.template();
		var pod = template.getSpec().getSecurityContext();
		assertThat(pod).as(workload.name() + " pod securityContext").isNotNull();
		assertThat(pod.getRunAsNonRoot()).as(workload.name() + " runAsNonRoot").isTrue();
		assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		List<V1Container> containers = new ArrayList<>(template.getSpec().getContainers());
		for (V1Container container : containers) {
			String what = workload.name() + "/" + container.getName();
			assertThat(container.getStartupProbe()).as(what + " startupProbe").isNotNull();
			assertThat(container.getLivenessProbe()).as(what + " livenessProbe").isNotNull();
			assertThat(container.getReadinessProbe()).as(what + " readinessProbe").isNotNull();
			assertThat(container.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).as(what + " limits").containsKey("memory");
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what + " read-only root")
				.isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what + " drops").contains("ALL");
		}
		for (V1Container container : Objects.requireNonNullElse(template.getSpec().getInitContainers(),
				List.<V1Container>of())) {
			String what = workload.name() + "/" + container.getName();
			assertThat(container.getResources().getLimits()).as(what + " limits").containsKey("memory");
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what + " read-only root")
				.isTrue();
		}
	}

	private static boolean isEmpty(List<?> list) {
		return list == null || list.isEmpty();
	}

	private static boolean isEmpty(Map<?, ?> map) {
		return map == null || map.isEmpty();
	}

	private static int portNumber(V1Container container, String name) {
		return container.getPorts()
			.stream()
			.filter((port) -> name.equals(port.getName()))
			.map(V1ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no port " + name));
	}

	private static String name(io.kubernetes.client.openapi.models.V1ObjectMeta metadata) {
		return metadata.getName();
	}

	/**
	 * A Deployment or StatefulSet.
	 */
	record Workload(String kind, String name, int replicas, V1LabelSelector selector, V1PodTemplateSpec template) {

		boolean selectedBy(Map<String, String> selector) {
			return selector != null && !selector.isEmpty()
					&& this.template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet());
		}

		boolean selectedBy(V1LabelSelector selector) {
			return selectedBy(selector.getMatchLabels());
		}

	}

	/**
	 * An overlay rendered by kustomize and parsed strictly, object by object.
	 */
	static final class Rendered {

		final Path overlay;

		final List<Object> objects = new ArrayList<>();

		Rendered(Path overlay) {
			this.overlay = overlay;
			Tools.Result result = Tools.run(
					List.of("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", overlay.toString()),
					Map.of());
			assertThat(result.exitCode()).as("kubectl kustomize " + overlay + ":\n" + result.output()).isZero();
			Gson gson = new Gson();
			for (Map<String, Object> document : Repository.yamlDocuments(result.output())) {
				String type = document.get("apiVersion") + " " + document.get("kind");
				String json = gson.toJson(document);
				if (type.startsWith("monitoring.coreos.com/v1 ")) {
					MonitoringResources.parse(type, json);
					continue;
				}
				Class<?> model = MODELS.get(type);
				assertThat(model).as("a model for " + type + " (unknown kinds fail)").isNotNull();
				this.objects.add(parse(model, json, type));
			}
		}

		private static Object parse(Class<?> model, String json, String type) {
			try {
				return model.getMethod("fromJson", String.class).invoke(null, json);
			}
			catch (InvocationTargetException ex) {
				throw new AssertionError(type + " does not parse strictly: " + ex.getCause().getMessage() + "\n" + json,
						ex.getCause());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		<T> List<T> of(Class<T> type) {
			return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
		}

		<T> T only(Class<T> type, String name) {
			return of(type).stream().filter((object) -> {
				try {
					var metadata = (io.kubernetes.client.openapi.models.V1ObjectMeta) type.getMethod("getMetadata")
						.invoke(object);
					return name.equals(metadata.getName());
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			})
				.findFirst()
				.orElseThrow(() -> new AssertionError(this.overlay + " has no " + type.getSimpleName() + " " + name));
		}

		List<Workload> workloads() {
			List<Workload> workloads = new ArrayList<>();
			for (V1Deployment deployment : of(V1Deployment.class)) {
				workloads.add(new Workload("Deployment", deployment.getMetadata().getName(),
						Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1),
						deployment.getSpec().getSelector(), deployment.getSpec().getTemplate()));
			}
			for (V1StatefulSet set : of(V1StatefulSet.class)) {
				workloads.add(new Workload("StatefulSet", set.getMetadata().getName(),
						Objects.requireNonNullElse(set.getSpec().getReplicas(), 1), set.getSpec().getSelector(),
						set.getSpec().getTemplate()));
			}
			for (Workload workload : workloads) {
				assertThat(workload.selectedBy(workload.selector()))
					.as(workload.name() + " selector matches its own template")
					.isTrue();
			}
			return workloads;
		}

	}

}
