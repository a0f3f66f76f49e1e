package dev.parley.curation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.system.BodyLimit;

/** What curation declares to the rest of the server: the larger body its proposals may have. */
@Configuration(proxyBeanMethods = false)
class CurationConfiguration {

    /**
     * A proposal holds up to 50 examples of up to 1,000 characters each: 600,000 bytes when every character is an
     * escaped surrogate pair, 200,000 as raw 4-byte UTF-8. 1 MiB admits that with room for the intent id, the JSON
     * punctuation and pretty-printing; it is an admin endpoint, behind the credentials.
     */
    static final long MAX_PROPOSAL_MIB = 1;

    @Bean
    BodyLimit proposalBodyLimit() {
        return new BodyLimit(ProposalController.PATH, MAX_PROPOSAL_MIB * 1024 * 1024);
    }
}
