package io.murmur.media.media;

import io.murmur.support.web.ProblemException;

/**
 * Where the subject of an image is, so that a client cropping it to a thumbnail keeps it
 * in view: x from -1 (left edge) to 1 (right edge), y from -1 (bottom) to 1 (top), as
 * Mastodon's focal points.
 *
 * @param x the horizontal coordinate
 * @param y the vertical coordinate
 */
public record Focus(double x, double y) {

	static final Focus CENTRE = new Focus(0, 0);

	/**
	 * Parses {@code "x,y"}.
	 * @param text the text, or {@code null} for the centre
	 * @return the focus
	 * @throws ProblemException {@code validation-failed} when it is not two numbers in
	 * [-1, 1]
	 */
	static Focus parse(@org.jspecify.annotations.Nullable String text) {
		if (text == null || text.isBlank()) {
			return CENTRE;
		}
		String[] parts = text.split(",", -1);
		try {
			if (parts.length == 2) {
				double x = Double.parseDouble(parts[0].strip());
				double y = Double.parseDouble(parts[1].strip());
				if (x >= -1 && x <= 1 && y >= -1 && y <= 1) {
					return new Focus(x, y);
				}
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw ProblemException.invalidField("focus", "must be \"x,y\" with both between -1 and 1");
	}

}
