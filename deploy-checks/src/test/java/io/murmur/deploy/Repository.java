package io.murmur.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository the checks run in, and the services its reactor builds: each module
 * named {@code *-service} with an {@code application.yml}, so that a service merged later
 * is checked without a change here.
 */
final class Repository {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern SERVER_PORT = Pattern.compile("port: \\$\\{MURMUR_SERVER_PORT:(\\d+)}");

	private static final Pattern MANAGEMENT_PORT = Pattern.compile("port: \\$\\{MURMUR_MANAGEMENT_PORT:(\\d+)}");

	private Repository() {
	}

	/**
	 * A service of the reactor with the ports its configuration gives by default.
	 *
	 * @param name the module and service name
	 * @param port the API port
	 * @param managementPort the management port
	 */
	record Service(String name, int port, int managementPort) {
	}

	static List<Service> services() {
		List<Service> services = new ArrayList<>();
		Matcher modules = MODULE.matcher(read(ROOT.resolve("pom.xml")));
		while (modules.find()) {
			String module = modules.group(1);
			Path config = ROOT.resolve(module).resolve("src/main/resources/application.yml");
			if (module.endsWith("-service") && Files.isRegularFile(config)) {
				String yaml = read(config);
				services.add(new Service(module, port(SERVER_PORT, yaml, config), port(MANAGEMENT_PORT, yaml, config)));
			}
		}
		return services;
	}

	private static int port(Pattern pattern, String yaml, Path config) {
		Matcher matcher = pattern.matcher(yaml);
		if (!matcher.find()) {
			throw new IllegalStateException(config + " sets no " + pattern.pattern());
		}
		return Integer.parseInt(matcher.group(1));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return (Map<String, Object>) new Yaml(new LoaderOptions()).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

}
