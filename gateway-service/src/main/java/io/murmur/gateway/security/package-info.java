@NullMarked
package io.murmur.gateway.security;

import org.jspecify.annotations.NullMarked;
