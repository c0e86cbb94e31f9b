/**
 * Video: probed, transcoded to H.264/AAC MP4 and given a poster frame by FFmpeg's
 * programs, run as child processes with a deadline.
 */
@NullMarked
package io.murmur.media.video;

import org.jspecify.annotations.NullMarked;
