@NullMarked
package io.murmur.localstack.spring;

import org.jspecify.annotations.NullMarked;
