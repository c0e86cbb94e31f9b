package io.murmur.localstack.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.localstack.Store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SelectionTests {

	private static final PlatformService USER = PlatformService.of("user-service", 8081, Store.POSTGRES, Store.KAFKA);

	private static final PlatformService FEED = PlatformService.of("feed-service", 8085, Store.REDIS, Store.KAFKA);

	private static final List<PlatformService> REGISTERED = List.of(USER, FEED);

	@Test
	void shouldStartEverythingByDefault() {
		Selection selection = Selection.of(null, null, REGISTERED);

		assertThat(selection.stores()).containsExactly(Store.values());
		assertThat(selection.services()).containsExactly(USER, FEED);
	}

	@Test
	void shouldStartOnlyTheServicesTheChosenStoresSufficeFor() {
		Selection selection = Selection.of("redis,kafka", null, REGISTERED);

		assertThat(selection.stores()).containsExactly(Store.KAFKA, Store.REDIS);
		assertThat(selection.services()).containsExactly(FEED);
	}

	@Test
	void shouldStartTheStoresTheChosenServicesNeed() {
		Selection selection = Selection.of(null, "user-service", REGISTERED);

		assertThat(selection.stores()).containsExactly(Store.KAFKA, Store.POSTGRES);
		assertThat(selection.services()).containsExactly(USER);
		assertThat(selection.names()).containsExactly("kafka", "postgres", "user-service");
	}

	@Test
	void shouldStartOnlyStoresWhenNoServiceIsRegistered() {
		Selection selection = Selection.of("redis", null, List.of());

		assertThat(selection.stores()).containsExactly(Store.REDIS);
		assertThat(selection.services()).isEmpty();
	}

	@Test
	void shouldRejectUnknownNamesAndEmptySelections() {
		assertThatIllegalArgumentException().isThrownBy(() -> Selection.of("mongodb", null, REGISTERED))
			.withMessageContaining("Unknown store 'mongodb'");
		assertThatIllegalArgumentException().isThrownBy(() -> Selection.of(null, "billing-service", REGISTERED))
			.withMessageContaining("Unknown service 'billing-service'");
		assertThatIllegalArgumentException().isThrownBy(() -> Selection.of("none", "none", REGISTERED))
			.withMessageContaining("Nothing to start");
	}

}
