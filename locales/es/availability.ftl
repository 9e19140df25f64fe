# Disponibilidad de los mentores: el mensaje directo mensual a cada mentor activo, sus tres
# respuestas y la pausa cuando nadie respondió a tiempo. $guild es el nombre del servidor;
# $by y $until son horas Unix (marcas de tiempo de Discord).
availability-ask = ¡Hola! ¿Sigues con ganas de ser mentor en **{ $guild }**? Tu respuesta solo decide si recibes aprendices nuevos: tus parejas actuales siguen igual, y no se avisa a nadie. Si no has respondido antes del <t:{ $by }:F>, dejaremos de asignarte aprendices nuevos hasta que pulses **Sí, sigo**.
availability-yes-button = Sí, sigo
availability-pause-button = Pausa de un mes
availability-step-back-button = Me retiro
availability-yes = ¡Gracias! Sigues disponible para aprendices nuevos en **{ $guild }**.
availability-back = ¡Bienvenido de nuevo! Vuelves a estar disponible para aprendices nuevos en **{ $guild }**.
availability-paused = Hecho: no recibirás aprendices nuevos en **{ $guild }** hasta el <t:{ $until }:D>; después vuelves solo. Tus parejas actuales siguen. Para volver antes, pulsa **Sí, sigo**.
availability-stepped-back = Hecho: no recibirás aprendices nuevos en **{ $guild }**. Tus parejas actuales siguen; para terminar una, usa `/pair end` en su canal. Si cambias de idea, pulsa **Sí, sigo**.
availability-unanswered = No supimos de ti, así que por ahora no recibirás aprendices nuevos en **{ $guild }**. Tus parejas actuales siguen. Cuando quieras aprendices nuevos, pulsa **Sí, sigo**.
availability-not-a-mentor = Ya no eres mentor en ese servidor, así que no hay nada que cambiar. Para volver a ser mentor, usa `/enrol mentor` allí.
availability-same = Esa ya es tu respuesta. Para cambiarla, pulsa otro de los botones.
