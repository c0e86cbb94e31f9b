@NullMarked
package io.murmur.gateway;

import org.jspecify.annotations.NullMarked;
