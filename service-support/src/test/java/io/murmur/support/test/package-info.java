/**
 * Test support for the services, shipped in service-support's test jar: tokens signed the
 * way user-service signs them, and a stand-in for its JWKS and token endpoints.
 */
@NullMarked
package io.murmur.support.test;

import org.jspecify.annotations.NullMarked;
