/**
 * A small service built on service-support, for its integration tests.
 */
@NullMarked
package io.murmur.support.app;

import org.jspecify.annotations.NullMarked;
