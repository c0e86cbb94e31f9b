/**
 * The shared defaults of every service's settings.
 */
@NullMarked
package io.murmur.support.config;

import org.jspecify.annotations.NullMarked;
