package org.authbench.api;

import jakarta.servlet.http.HttpServletRequest;
import org.authbench.identity.Identity;
import org.authbench.identity.IdentityResolver;
import org.authbench.system.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills {@link Identity} controller parameters from the variant's resolver, or answers 401. */
final class CallerResolver implements HandlerMethodArgumentResolver {

	private final IdentityResolver identities;

	CallerResolver(IdentityResolver identities) {
		this.identities = identities;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Identity.class;
	}

	@Override
	public Identity resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binders) {
		return this.identities.resolve(request.getNativeRequest(HttpServletRequest.class))
			.orElseThrow(ApiException::unauthorized);
	}
}
