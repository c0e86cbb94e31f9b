package io.murmur.acceptance.seed;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import io.murmur.localstack.platform.RunningService;
import io.murmur.localstack.platform.seed.ClientCredentials;
import io.murmur.localstack.platform.seed.ServiceUrls;

/**
 * The addresses of the services the acceptance platform runs, for tests that, like
 * {@code ./platform seed}, talk to the services directly. The platform is private to the
 * {@code io.murmur.acceptance} package; it is reached here by reflection, so that these
 * tests share the one set of services the test JVM already runs instead of starting
 * another. Each service is found by its module name, not by a field name.
 */
final class AcceptancePlatform {

	private static final String PLATFORM_CLASS = "io.murmur.acceptance.MurmurPlatform";

	private AcceptancePlatform() {
	}

	static ServiceUrls serviceUrls() {
		try {
			Class<?> type = Class.forName(PLATFORM_CLASS);
			Object platform = platform(type);
			Map<String, String> urls = new LinkedHashMap<>();
			Map<String, String> management = new LinkedHashMap<>();
			for (Field field : type.getDeclaredFields()) {
				if (field.getType() == RunningService.class) {
					field.setAccessible(true);
					RunningService running = (RunningService) field.get(platform);
					urls.putIfAbsent(running.service().module(), running.service().url());
					management.put(running.service().url(), running.service().managementUrl());
				}
			}
			Method gatewayUrl = type.getDeclaredMethod("gatewayUrl");
			gatewayUrl.setAccessible(true);
			return new ServiceUrls(url(urls, "user-service"), url(urls, "graph-service"), url(urls, "post-service"),
					(String) gatewayUrl.invoke(platform), management);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot reach the services of " + PLATFORM_CLASS, ex);
		}
	}

	/**
	 * The tests' own service client, as the seeding's client for the import endpoints.
	 * @return its credentials
	 */
	static ClientCredentials serviceClient() {
		try {
			Class<?> type = Class.forName(PLATFORM_CLASS);
			Object platform = platform(type);
			Field clientId = type.getDeclaredField("TEST_CLIENT_ID");
			clientId.setAccessible(true);
			Method secret = type.getDeclaredMethod("testClientSecret");
			secret.setAccessible(true);
			return new ClientCredentials((String) clientId.get(null), (String) secret.invoke(platform));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot reach the service client of " + PLATFORM_CLASS, ex);
		}
	}

	private static Object platform(Class<?> type) throws ReflectiveOperationException {
		Method get = type.getDeclaredMethod("get");
		get.setAccessible(true);
		return get.invoke(null);
	}

	private static String url(Map<String, String> urls, String module) {
		String url = urls.get(module);
		if (url == null) {
			throw new IllegalStateException(PLATFORM_CLASS + " runs no " + module + "; it runs " + urls.keySet());
		}
		return url;
	}

}
