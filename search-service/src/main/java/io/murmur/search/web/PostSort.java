package io.murmur.search.web;

import java.util.Locale;

/**
 * How post results are ordered.
 */
enum PostSort {

	/** Newest first. */
	LATEST(2),

	/** Best match first, with newer posts weighing more. */
	TOP(3);

	private final int sortValues;

	PostSort(int sortValues) {
		this.sortValues = sortValues;
	}

	int sortValues() {
		return this.sortValues;
	}

	static PostSort of(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "latest" -> LATEST;
			case "top" -> TOP;
			default -> throw new IllegalArgumentException(value);
		};
	}

}
