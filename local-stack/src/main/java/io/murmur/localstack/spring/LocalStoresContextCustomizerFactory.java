package io.murmur.localstack.spring;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;

/**
 * Applies {@link LocalStores}: starts the stores before the context refreshes and adds
 * their connection properties as the highest-precedence property source.
 */
public class LocalStoresContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		LocalStores annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, LocalStores.class);
		if (annotation == null || annotation.value().length == 0) {
			return null;
		}
		return new LocalStoresContextCustomizer(EnumSet.copyOf(List.of(annotation.value())));
	}

	private record LocalStoresContextCustomizer(Set<Store> stores) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Map<String, String> properties = LocalStack.shared().springProperties(this.stores);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("localStores", Map.copyOf(properties)));
		}

	}

}
