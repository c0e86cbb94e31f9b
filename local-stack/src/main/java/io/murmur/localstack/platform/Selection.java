package io.murmur.localstack.platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.Store;

/**
 * What {@code up} starts: all stores and services by default; with {@code --stores} only
 * those stores and the services they suffice for; with {@code --services} those services
 * and the stores they need.
 *
 * @param stores the stores, in {@link Store} order
 * @param services the services, in registration order
 */
record Selection(List<Store> stores, List<PlatformService> services) {

	static final String NONE = "none";

	static final String ALL = "all";

	/**
	 * Resolves the {@code --stores} and {@code --services} options.
	 * @param stores the store ids, {@code all} or {@code none}; {@code null} if not given
	 * @param services the service names, {@code all} or {@code none}; {@code null} if not
	 * given
	 * @param registered the services that can be started
	 * @return the selection
	 * @throws IllegalArgumentException for an unknown name or an empty selection
	 */
	static Selection of(@Nullable String stores, @Nullable String services, List<PlatformService> registered) {
		Set<Store> chosenStores = EnumSet.noneOf(Store.class);
		if (stores == null || stores.equals(ALL)) {
			chosenStores.addAll(List.of(Store.values()));
		}
		else {
			split(stores).forEach((id) -> chosenStores.add(Store.fromId(id)));
		}
		List<PlatformService> chosenServices = new ArrayList<>();
		if (services == null) {
			registered.stream()
				.filter((service) -> chosenStores.containsAll(service.stores()))
				.forEach(chosenServices::add);
		}
		else if (services.equals(ALL)) {
			chosenServices.addAll(registered);
		}
		else {
			for (String name : split(services)) {
				chosenServices.add(registered.stream()
					.filter((service) -> service.module().equals(name))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException(
							"Unknown service '" + name + "'; known: " + (registered.isEmpty() ? "none yet"
									: registered.stream().map(PlatformService::module).toList()))));
			}
		}
		if (services != null && (stores == null)) {
			chosenStores.clear();
		}
		chosenServices.forEach((service) -> chosenStores.addAll(service.stores()));
		if (chosenStores.isEmpty() && chosenServices.isEmpty()) {
			throw new IllegalArgumentException("Nothing to start");
		}
		return new Selection(List.copyOf(chosenStores), List.copyOf(chosenServices));
	}

	/**
	 * The names of all components, in start order.
	 * @return the names
	 */
	List<String> names() {
		return Stream.concat(this.stores.stream().map(Store::id), this.services.stream().map(PlatformService::module))
			.toList();
	}

	static String ids(List<String> ids) {
		return ids.isEmpty() ? NONE : String.join(",", ids);
	}

	private static Set<String> split(String list) {
		Set<String> names = new LinkedHashSet<>();
		if (list.equals(NONE)) {
			return names;
		}
		for (String name : list.split(",")) {
			if (!name.isBlank()) {
				names.add(name.trim());
			}
		}
		return names;
	}

}
