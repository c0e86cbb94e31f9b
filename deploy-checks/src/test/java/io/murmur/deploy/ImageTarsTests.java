package io.murmur.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service's image, as Jib writes it to {@code <service>/target/jib-image.tar} in
 * {@code package}: named as compose and Kubernetes name it, run as a non-root user,
 * exposing the API and management ports its configuration gives, the JVM started directly
 * in exec form, and the application in layers apart from its dependencies.
 * <p>
 * Without a registry the images are built on the empty stand-in base, so this proves the
 * image's structure, not that it runs.
 */
class ImageTarsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldBuildEveryServiceAsANonRootImageOnItsPorts() throws IOException {
		List<Repository.Service> services = Repository.services();
		assertThat(services).hasSizeGreaterThanOrEqualTo(8);
		for (Repository.Service service : services) {
			Image image = Image.read(Repository.ROOT.resolve(service.name()).resolve("target/jib-image.tar"));
			JsonNode config = image.config().get("config");
			assertThat(image.tags()).as(service.name())
				.singleElement()
				.asString()
				.matches("murmur/" + service.name() + ":[0-9][^:]*");
			String user = config.get("User").asString();
			assertThat(user).as(service.name() + " user").matches("[1-9][0-9]*:[1-9][0-9]*");
			assertThat(config.get("ExposedPorts").propertyNames()).as(service.name() + " ports")
				.containsExactlyInAnyOrder(service.port() + "/tcp", service.managementPort() + "/tcp");
			List<String> entrypoint = config.get("Entrypoint").valueStream().map(JsonNode::asString).toList();
			assertThat(entrypoint).as(service.name() + " entrypoint").startsWith("java").contains("-cp");
			assertThat(entrypoint.getLast()).as(service.name() + " main class").startsWith("io.murmur.");
			assertThat(image.layers()).as(service.name() + " layers").hasSizeGreaterThanOrEqualTo(3);
			List<List<String>> layers = image.layers();
			assertThat(layers.getFirst()).as(service.name() + " first layer: the dependencies")
				.anySatisfy((entry) -> assertThat(entry).startsWith("app/libs/spring-"))
				.noneSatisfy((entry) -> assertThat(entry).startsWith("app/classes/"));
			List<String> classes = layers.stream()
				.filter((layer) -> layer.stream().anyMatch((entry) -> entry.startsWith("app/classes/io/murmur/")))
				.findFirst()
				.orElseThrow();
			assertThat(layers.indexOf(classes)).as(service.name() + " classes after the dependencies").isPositive();
			assertThat(classes).as(service.name() + " classes layer")
				.noneSatisfy((entry) -> assertThat(entry).startsWith("app/libs/"));
		}
	}

	/**
	 * What an image tarball holds: its tags, its configuration and the entries of each
	 * layer, the first layer first.
	 */
	private record Image(List<String> tags, JsonNode config, List<List<String>> layers) {

		static Image read(Path tar) throws IOException {
			assertThat(tar).as("built by Jib in package").isRegularFile();
			Map<String, byte[]> files = new HashMap<>();
			try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
				for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					files.put(entry.getName(), in.readAllBytes());
				}
			}
			JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
			List<String> tags = manifest.get("RepoTags").valueStream().map(JsonNode::asString).toList();
			JsonNode config = json.readTree(files.get(manifest.get("Config").asString()));
			List<List<String>> layers = manifest.get("Layers")
				.valueStream()
				.map((layer) -> names(files.get(layer.asString())))
				.toList();
			return new Image(tags, config, layers);
		}

		private static List<String> names(byte[] layer) {
			List<String> names = new ArrayList<>();
			try (TarArchiveInputStream in = new TarArchiveInputStream(
					new GZIPInputStream(new ByteArrayInputStream(layer)))) {
				for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					names.add(entry.getName());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return names;
		}

	}

}
