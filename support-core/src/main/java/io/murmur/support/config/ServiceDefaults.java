package io.murmur.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The settings every Murmur service shares, as defaults below everything else: a module
 * of Murmur that a service depends on brings a {@code murmur/defaults/<module>.yml} with
 * the settings it needs (graceful shutdown, problem details, Kafka's producer and
 * consumer, ...), so a service's own {@code application.yml} holds only what is its own.
 * <p>
 * Each file is added after every other property source, so a service's
 * {@code application.yml}, its command line and its environment override any of them. The
 * files share one naming scheme for environment variables: {@code MURMUR_...}.
 */
public final class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

	/** Where the modules keep their defaults. */
	static final String LOCATION = "classpath*:murmur/defaults/*.yml";

	/** The prefix of the names of the property sources this adds. */
	static final String SOURCE_PREFIX = "murmur-defaults: ";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (Resource resource : resources()) {
			try {
				List<PropertySource<?>> sources = loader.load(SOURCE_PREFIX + resource.getFilename(), resource);
				sources.forEach(environment.getPropertySources()::addLast);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the defaults in " + resource, ex);
			}
		}
	}

	private static List<Resource> resources() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			return Arrays.stream(found)
				.sorted(Comparator.comparing((resource) -> String.valueOf(resource.getFilename())))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + LOCATION, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
