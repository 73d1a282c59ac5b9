package dev.docent.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.docent.account.AccountService;
import dev.docent.account.CurrentUser;
import dev.docent.shared.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Auth", description = "Sign-up, login and refresh-token rotation for API clients")
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class AuthController {

    record SignUpRequest(@Username String username, @NewPassword String password,
            @Email @Size(max = 254) String email) {
    }

    record LoginRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                    message = Text.CONTROL_CHARACTERS_MESSAGE) String username,
            @NotBlank @Size(max = 128) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                    message = Text.CONTROL_CHARACTERS_MESSAGE) String password) {
    }

    record PasswordChange(
            @NotBlank @Size(max = 128) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                    message = Text.CONTROL_CHARACTERS_MESSAGE) String currentPassword,
            @NewPassword String newPassword) {
    }

    record AuthOptions(boolean signup) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
            message = Text.CONTROL_CHARACTERS_MESSAGE) String refreshToken) {
    }

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "signUp", summary = "Sign up for an account")
    @SecurityRequirements
    @ApiResponse(responseCode = "403", description = "Sign-up is turned off")
    @ApiResponse(responseCode = "409", description = "The username is taken")
    @PostMapping(path = "/auth/signup", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.SignedUp signUp(@Valid @RequestBody SignUpRequest request) {
        return accounts.signUp(request.username(), request.password(), request.email());
    }

    @Operation(operationId = "logIn", summary = "Log in for an access token and a refresh token")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Wrong username or password")
    @ApiResponse(responseCode = "429", description = "Too many login attempts; Retry-After says when to try again")
    @PostMapping(path = "/auth/login", consumes = "application/json")
    AccountService.TokenPair login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return accounts.login(request.username(), request.password(), http.getRemoteAddr());
    }

    /** What the sign-in page needs to know before anyone signs in. */
    @Operation(operationId = "getAuthOptions", summary = "Read the sign-in options")
    @SecurityRequirements
    @GetMapping("/auth/options")
    AuthOptions options() {
        return new AuthOptions(accounts.signUpAllowed());
    }

    @Operation(operationId = "refreshTokens", summary = "Trade a refresh token for a new token pair")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "A new token pair; the old refresh token is spent")
    @ApiResponse(responseCode = "401", description = "The refresh token is unknown, expired or revoked")
    @PostMapping(path = "/auth/refresh", consumes = "application/json")
    AccountService.TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
        return accounts.refresh(request.refreshToken());
    }

    @Operation(operationId = "logOut", summary = "Revoke a refresh token")
    @SecurityRequirements
    @PostMapping(path = "/auth/logout", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        accounts.logout(request.refreshToken());
    }

    @Operation(operationId = "changePassword", summary = "Change the signed-in account's password",
            description = "Ends every session of the account, this one included, and returns a new token pair "
                    + "for the caller.")
    @ApiResponse(responseCode = "200", description = "Changed; a new token pair")
    @ApiResponse(responseCode = "400", description = "The current password is wrong, or the new one is invalid")
    @ApiResponse(responseCode = "409", description = "The operator's admin: its password is DOCENT_ADMIN_PASSWORD")
    @ApiResponse(responseCode = "429", description = "Too many wrong passwords; Retry-After says when to try again")
    @PostMapping(path = "/me/password", consumes = "application/json")
    AccountService.TokenPair changePassword(@Valid @RequestBody PasswordChange request, HttpServletRequest http) {
        return accounts.changePassword(CurrentUser.require(), request.currentPassword(), request.newPassword(),
                http.getRemoteAddr());
    }

    @Operation(operationId = "getMe", summary = "Read the signed-in account")
    @GetMapping("/me")
    AccountService.Me me() {
        return accounts.me(CurrentUser.require());
    }

}
