/**
 * The operations of the services, read from the OpenAPI documents they publish.
 */
@NullMarked
package io.murmur.reliability.openapi;

import org.jspecify.annotations.NullMarked;
