@NullMarked
package io.murmur.gateway.config;

import org.jspecify.annotations.NullMarked;
