# Ciclos del programa (/programme start, /programme status).
cycles-ask = El ciclo **{ $name }** termina <t:{ $end }:R>, el <t:{ $end }:D>. ¿Seguir juntos en el próximo ciclo o terminar? Cualquiera de los dos puede responder y cambiarlo hasta el final.
cycles-continue-button = Seguir juntos
cycles-finish-button = Terminar al final
cycles-chosen-continue = <@{ $user }> eligió **seguir** en el próximo ciclo. Cualquiera de los dos puede cambiarlo hasta el <t:{ $end }:F>.
cycles-chosen-finish = <@{ $user }> eligió **terminar** cuando acabe el ciclo. Cualquiera de los dos puede cambiarlo hasta el <t:{ $end }:F>.
cycles-choice-closed = Este ciclo ya terminó, así que la elección no se puede cambiar.
cycles-not-your-pair = Solo las dos personas de esta pareja pueden responder.
cycles-ended =
    { $finished ->
        [one] El ciclo **{ $name }** terminó. { $finished } pareja terminó y { $continued } siguen. Empieza el próximo ciclo con `/programme start`. El informe de impacto llegará <t:{ $report }:R>, cuando estén las encuestas de salida; `/programme report` lo muestra ya.
       *[other] El ciclo **{ $name }** terminó. { $finished } parejas terminaron y { $continued } siguen. Empieza el próximo ciclo con `/programme start`. El informe de impacto llegará <t:{ $report }:R>, cuando estén las encuestas de salida; `/programme report` lo muestra ya.
    }
cycles-started =
    { $pairs ->
        [one] El ciclo **{ $name }** empezó. Termina el <t:{ $end }:F>. { $pairs } pareja abierta se unió, y las nuevas parejas también se unen. A cada pareja se le pregunta <t:{ $ask }:R> si quiere seguir o terminar.
       *[other] El ciclo **{ $name }** empezó. Termina el <t:{ $end }:F>. { $pairs } parejas abiertas se unieron, y las nuevas parejas también se unen. A cada pareja se le pregunta <t:{ $ask }:R> si quiere seguir o terminar.
    }
cycles-running = El ciclo **{ $name }** sigue hasta el <t:{ $end }:F>. Podrás empezar el siguiente cuando termine.
cycles-name-empty = Ponle un nombre al ciclo, por ejemplo `Primavera 2027`.
cycles-name-too-long = Ese nombre tiene { $chars } caracteres; por favor, déjalo en { $max }.
cycles-bad-weeks = Un ciclo dura de 1 a { $max } semanas. Elige un número en ese rango.
cycles-status-none = No hay ningún ciclo en marcha, así que las parejas siguen sin más. Empieza uno con `/programme start name weeks`.
cycles-status =
    { $days ->
        [one] **{ $name }** empezó el <t:{ $start }:D> y termina el <t:{ $end }:F>: queda { $days } día. A las parejas se les pregunta si siguen <t:{ $ask }:R>.
       *[other] **{ $name }** empezó el <t:{ $start }:D> y termina el <t:{ $end }:F>: quedan { $days } días. A las parejas se les pregunta si siguen <t:{ $ask }:R>.
    }
cycles-status-counts = { $pairs } parejas · { $staying } siguen · { $finish } terminan · { $waiting } sin responder
cycles-status-waiting = Sin responder todavía
cycles-status-everyone-answered = Todas las parejas han respondido.
cycles-pair-line = { $mentor } y { $mentee }
cycles-same-continue = Esta pareja ya eligió seguir. Para cambiarlo, pulsa **Terminar al final**.
cycles-same-finish = Esta pareja ya eligió terminar. Para cambiarlo, pulsa **Seguir juntos**.
