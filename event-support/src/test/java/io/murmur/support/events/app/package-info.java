/**
 * The service the integration tests of event-support run.
 */
@NullMarked
package io.murmur.support.events.app;

import org.jspecify.annotations.NullMarked;
