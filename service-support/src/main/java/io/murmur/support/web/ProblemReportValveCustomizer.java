package io.murmur.support.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts a {@link ProblemReportValve} in place of every error report valve of the host.
 * Runs after Spring Boot's own customizer, which adds a plain {@link ErrorReportValve}.
 */
class ProblemReportValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final Problems problems;

	ProblemReportValveCustomizer(Problems problems) {
		this.problems = problems;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			if (host instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
			host.getPipeline().addValve(new ProblemReportValve(this.problems));
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
