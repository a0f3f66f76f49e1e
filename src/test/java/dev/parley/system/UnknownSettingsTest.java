package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.servlet.ApplicationServletEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.parley.ParleyApplication;

/** A parley.* setting that nothing binds stops the start, naming it, where it came from and what was meant. */
@ExtendWith(OutputCaptureExtension.class)
class UnknownSettingsTest {

    @Test
    void refusesAMistypedCommandLineSettingAndSuggestsTheRealOne(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(ParleyApplication.class, "--server.port=0",
                "--parley.chat.rate-limt.burst=3"))
                .isInstanceOf(UnknownSettingException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("1 unknown setting(s); Parley has no such setting:")
                .contains("parley.chat.rate-limt.burst (")
                .contains("did you mean parley.chat.rate-limit.burst?")
                .contains("Correct or remove the settings listed above");
    }

    @Test
    void refusesAMistypedEnvironmentVariableNamingTheVariable(CapturedOutput output) {
        Map<String, Object> variables = new HashMap<>(System.getenv());
        variables.put("PARLEY_CHAT_RATELIMT_BURST", "3");
        var environment = new ApplicationServletEnvironment();
        environment.getPropertySources().replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        var application = new SpringApplication(ParleyApplication.class);
        application.setEnvironment(environment);

        assertThatThrownBy(() -> application.run("--server.port=0")).isInstanceOf(UnknownSettingException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("parley.chat.ratelimt.burst (System Environment Property \"PARLEY_CHAT_RATELIMT_BURST\")")
                .contains("did you mean parley.chat.rate-limit.burst?");
    }

    @Test
    void takesEnvironmentVariablesInTheirRelaxedFormAndLeavesTheTestSuitesOwnAlone() throws ClassNotFoundException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "PARLEY_API_RATELIMIT_BURST", "5", "PARLEY_WIDGET_ALLOWEDORIGINS_0", "https://a.example",
                        "PARLEY_TEST_POSTGRES_URL", "jdbc:postgresql://localhost/parley")));
        var beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("api", new RootBeanDefinition(ApiProperties.class));
        beans.registerBeanDefinition("widget", new RootBeanDefinition(Class.forName("dev.parley.widget.WidgetProperties")));
        var check = new UnknownSettingsCheck();
        check.setEnvironment(environment);

        assertThatCode(() -> check.postProcessBeanFactory(beans)).doesNotThrowAnyException();

        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("parley.api.burst", "5")));
        assertThatThrownBy(() -> check.postProcessBeanFactory(beans)).isInstanceOf(UnknownSettingException.class)
                .hasMessageContaining("parley.api.burst (");
    }

    @Test
    void namesEveryUnknownSettingAndSuggestsNothingWhenNothingIsClose(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(ParleyApplication.class, "--server.port=0",
                "--parley.nlu.encoder.fallback.min-confidance=0.1", "--parley.removed-long-ago=true"))
                .isInstanceOf(UnknownSettingException.class)
                .satisfies(refused -> assertThat(((UnknownSettingException) refused).settings())
                        .extracting(UnknownSettingException.Unknown::name, UnknownSettingException.Unknown::closest)
                        .containsExactlyInAnyOrder(
                                tuple("parley.nlu.encoder.fallback.min-confidance",
                                        "parley.nlu.encoder.fallback.min-confidence"),
                                tuple("parley.removed-long-ago", null)));

        assertThat(output.getOut()).contains("2 unknown setting(s)");
    }

    @Test
    void theFormerWelcomeTextSettingSaysWhereTheWelcomeLivesNow() {
        assertThatThrownBy(() -> SpringApplication.run(ParleyApplication.class, "--server.port=0",
                "--parley.conversation.welcome-text=Hi"))
                .isInstanceOf(UnknownSettingException.class)
                .hasMessageContaining("parley.conversation.welcome-text (")
                .hasMessageContaining(": it moved to the bot file beside the intents, intents/_bot.yaml, as"
                        + " texts.welcome");
    }
}
