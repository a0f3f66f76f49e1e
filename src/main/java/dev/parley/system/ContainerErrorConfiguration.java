package dev.parley.system;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemReportValve} in place of Tomcat's HTML error report on the host, so that even the requests
 * Tomcat refuses before the application sees them are answered with problem details.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProblemResponses problems;

    ContainerErrorConfiguration(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var host = context.getParent();
            // Spring Boot adds an ErrorReportValve of its own (no stack trace): ours replaces it, not wraps it.
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve(problems));
            // The host adds its default report valve at start unless one of this class is in its pipeline already.
            ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    // After Spring Boot's own Tomcat customizer, so that its valve is there to be replaced.
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
