package dev.praxis.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text with something to see in it: not only white space (Unicode's, so U+00A0 and U+2003 too), control characters or
 * invisible formatting characters (U+200B, U+FEFF). {@code @NotBlank} lets a name of no-break or zero-width spaces
 * through. {@code null} passes: pair it with {@code @NotNull} where the field is required.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Texts.VISIBLE)
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Visible {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
