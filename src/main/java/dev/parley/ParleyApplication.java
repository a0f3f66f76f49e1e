package dev.parley;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the chat server, or, when the first argument names a command ({@code evaluate}), runs that command
 * without starting any server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParleyApplication {

    public static void main(String[] args) {
        if (ParleyCommandLine.handles(args)) {
            System.exit(ParleyCommandLine.run(args));
        }
        SpringApplication.run(ParleyApplication.class, args);
    }
}
