package io.murmur.media.image;

import java.util.List;

/**
 * An image ready to store: its variants and what a client needs to lay it out before they
 * load.
 *
 * @param width the width of the image as seen (orientation applied), before downscaling
 * @param height its height as seen
 * @param animated whether it is an animated GIF, whose original stays animated
 * @param blurhash the blurhash of the small preview
 * @param variants the original, downscaled if needed, then the previews
 */
public record ProcessedImage(int width, int height, boolean animated, String blurhash, List<EncodedVariant> variants) {

}
