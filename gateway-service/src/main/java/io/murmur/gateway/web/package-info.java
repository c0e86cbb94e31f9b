@NullMarked
package io.murmur.gateway.web;

import org.jspecify.annotations.NullMarked;
